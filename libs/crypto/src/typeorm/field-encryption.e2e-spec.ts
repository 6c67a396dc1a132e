import { randomUUID } from 'node:crypto';

import { createTestDatabase, TestDatabase } from '@exam/testing/test-database';
import {
  Column,
  DataSource,
  Entity,
  Logger as TypeOrmLogger,
  PrimaryColumn,
  QueryFailedError,
} from 'typeorm';

import { BlindIndex } from '../blind-index';
import { CryptoError } from '../crypto.errors';
import { FieldCipher } from '../field-cipher';
import { KeyRing } from '../key-ring';
import { BlindIndexColumn, EncryptedColumn, EncryptedEntity } from './encryption.decorators';
import { FieldEncryptionSubscriber, registerFieldEncryption } from './field-encryption.subscriber';

const ID = '11010519491231002X';
const PHONE = '13812345678';

@Entity({ name: 'candidates' })
@EncryptedEntity({ tenantProperty: 'tenantId' })
class Candidate {
  @PrimaryColumn({ type: 'char', length: 36 })
  id: string = randomUUID();

  @Column({ name: 'tenant_id', type: 'varchar', length: 36 })
  tenantId = 'tenant-a';

  @Column({ name: 'display_name', type: 'varchar', length: 64, default: '' })
  displayName = '';

  @EncryptedColumn({ name: 'id_number', nullable: true })
  idNumber: string | null = null;

  @BlindIndexColumn({
    name: 'id_number_bidx',
    source: 'idNumber',
    kind: 'idNumber',
    keyId: 'bi1',
    unique: true,
    nullable: true,
  })
  idNumberBidx: string | null = null;

  @EncryptedColumn({ name: 'phone', nullable: true })
  phone: string | null = null;

  @BlindIndexColumn({ name: 'phone_bidx', source: 'phone', kind: 'phone', keyId: 'bi1', nullable: true })
  phoneBidx: string | null = null;
}

@Entity({ name: 'misconfigured' })
class Misconfigured {
  @PrimaryColumn({ type: 'char', length: 36 })
  id: string = randomUUID();

  @EncryptedColumn({ name: 'secret', nullable: true })
  secret: string | null = null;

  @BlindIndexColumn({
    name: 'secret_bidx',
    source: 'secret',
    kind: 'text',
    keyId: 'bi-missing',
    nullable: true,
  })
  secretBidx: string | null = null;
}

/** Captures every query and parameter TypeORM would log. */
class CapturingLogger implements TypeOrmLogger {
  readonly lines: string[] = [];
  logQuery(query: string, parameters?: unknown[]): void {
    this.lines.push(`${query} -- ${JSON.stringify(parameters ?? [])}`);
  }
  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    this.lines.push(
      `${typeof error === 'string' ? error : error.message} ${query} -- ${JSON.stringify(parameters ?? [])}`,
    );
  }
  logQuerySlow(_time: number, query: string, parameters?: unknown[]): void {
    this.lines.push(`${query} -- ${JSON.stringify(parameters ?? [])}`);
  }
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
  text(): string {
    return this.lines.join('\n');
  }
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe(FieldEncryptionSubscriber.name, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let sut: FieldEncryptionSubscriber;
  const logger = new CapturingLogger();
  const blindIndex = new BlindIndex(new KeyRing('blind index', [['bi1', Buffer.alloc(32, 0x11)]], 'bi1'));
  const cipher = new FieldCipher(new KeyRing('field encryption', [['dk1', Buffer.alloc(32, 0x22)]], 'dk1'));

  beforeAll(async () => {
    database = await createTestDatabase('field_encryption');
    dataSource = new DataSource({
      type: 'mysql',
      url: database.url,
      entities: [Candidate],
      synchronize: true,
      logger,
      logging: ['query', 'error'],
    });
    await dataSource.initialize();
    sut = registerFieldEncryption(dataSource, { service: 'identity', cipher, blindIndex });
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  beforeEach(async () => {
    await dataSource.getRepository(Candidate).clear();
    logger.lines.length = 0;
  });

  async function saved(changes: Partial<Candidate> = {}): Promise<Candidate> {
    const candidate = Object.assign(
      new Candidate(),
      { idNumber: ID, phone: PHONE, displayName: 'Zhang' },
      changes,
    );
    return dataSource.getRepository(Candidate).save(candidate);
  }

  async function rawRow(id: string): Promise<Record<string, unknown>> {
    const rows = await dataSource.query<Record<string, unknown>[]>('SELECT * FROM candidates WHERE id = ?', [
      id,
    ]);
    return rows.at(0) ?? {};
  }

  it('should store ciphertext and blind indexes but hand plaintext back to the caller', async () => {
    const candidate = await saved();

    const row = await rawRow(candidate.id);
    const loaded = await dataSource.getRepository(Candidate).findOneByOrFail({ id: candidate.id });

    expect(candidate.idNumber).toBe(ID);
    expect(row.id_number).toMatch(/^ef1:dk1:/);
    expect(row.phone).toMatch(/^ef1:dk1:/);
    expect(row.id_number_bidx).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(ID);
    expect(JSON.stringify(row)).not.toContain(PHONE);
    expect(loaded).toMatchObject({ idNumber: ID, phone: PHONE, displayName: 'Zhang' });
  });

  it('should never put a plaintext into a query or its parameters', async () => {
    const candidate = await saved();
    candidate.phone = '13912345678';
    await dataSource.getRepository(Candidate).save(candidate);
    await dataSource.getRepository(Candidate).findOneBy({ id: candidate.id });
    await dataSource.getRepository(Candidate).findOneBy({ idNumber: ID });

    expect(logger.lines.length).toBeGreaterThan(3);
    expect(logger.text()).not.toContain(ID);
    expect(logger.text()).not.toContain(PHONE);
    expect(logger.text()).not.toContain('13912345678');
  });

  it('should update a changed encrypted value and leave unchanged ones alone', async () => {
    const candidate = await saved();
    const before = await rawRow(candidate.id);
    const loaded = await dataSource.getRepository(Candidate).findOneByOrFail({ id: candidate.id });

    loaded.phone = '13912345678';
    await dataSource.getRepository(Candidate).save(loaded);
    const after = await rawRow(candidate.id);

    expect(loaded.phone).toBe('13912345678');
    expect(after.id_number).toBe(before.id_number);
    expect(after.id_number_bidx).toBe(before.id_number_bidx);
    expect(after.phone).not.toBe(before.phone);
    expect(after.phone_bidx).toBe(
      blindIndex.compute('+86 139 1234 5678', { kind: 'phone', domain: 'identity/candidates.phone' }),
    );
    expect((await dataSource.getRepository(Candidate).findOneByOrFail({ id: candidate.id })).phone).toBe(
      '13912345678',
    );
  });

  it('should not write anything when an unchanged entity is saved', async () => {
    const candidate = await saved();
    const loaded = await dataSource.getRepository(Candidate).findOneByOrFail({ id: candidate.id });
    logger.lines.length = 0;

    await dataSource.getRepository(Candidate).save(loaded);

    expect(logger.lines.filter((line) => line.startsWith('UPDATE'))).toEqual([]);
  });

  it('should find rows by a normalized value through the blind index', async () => {
    const candidate = await saved();

    const byId = await dataSource
      .getRepository(Candidate)
      .findOneBy(sut.blindIndexWhere(Candidate, 'idNumber', ' 11010519491231002x '));
    const byPhone = await dataSource
      .getRepository(Candidate)
      .findBy(sut.blindIndexWhere(Candidate, 'phone', '+86 138-1234-5678'));

    expect(byId?.id).toBe(candidate.id);
    expect(byPhone.map((found) => found.id)).toEqual([candidate.id]);
  });

  it('should enforce uniqueness of the normalized value', async () => {
    await saved();

    const error = await rejection(saved({ idNumber: ID.toLowerCase() }));

    expect(error).toBeInstanceOf(QueryFailedError);
    expect((error as Error).message).not.toContain(ID);
  });

  it('should encrypt the original plaintext when a failed save is retried', async () => {
    await saved();
    const duplicate = Object.assign(new Candidate(), { idNumber: ID, phone: '13700000000' });
    await rejection(dataSource.getRepository(Candidate).save(duplicate));
    await dataSource.getRepository(Candidate).delete({
      idNumberBidx: blindIndex.compute(ID, { kind: 'idNumber', domain: 'identity/candidates.id_number' }),
    });

    await dataSource.getRepository(Candidate).save(duplicate);

    expect(duplicate.idNumber).toBe(ID);
    expect((await dataSource.getRepository(Candidate).findOneByOrFail({ id: duplicate.id })).idNumber).toBe(
      ID,
    );
  });

  it.each([
    [
      'another row',
      'UPDATE candidates SET id_number = (SELECT v FROM (SELECT id_number AS v FROM candidates WHERE id = ?) s) WHERE id = ?',
    ],
    [
      'another column',
      'UPDATE candidates SET phone = (SELECT v FROM (SELECT id_number AS v FROM candidates WHERE id = ?) s) WHERE id = ?',
    ],
  ])('should refuse a ciphertext copied into %s with CRYPTO.TAMPERED', async (_case, sql) => {
    const source = await saved();
    const target = await saved({ idNumber: '44030819990101001X'.slice(0, 17) + '5', phone: '13700000000' });
    await dataSource.query(sql, [source.id, target.id]);

    const error = await rejection(dataSource.getRepository(Candidate).findOneByOrFail({ id: target.id }));

    expect(error).toBeInstanceOf(CryptoError);
    expect((error as CryptoError).code).toBe('CRYPTO.TAMPERED');
    expect((error as CryptoError).message).toMatch(/candidates\.(id_number|phone)/);
    expect((error as CryptoError).message).not.toContain('ef1:');
  });

  it('should refuse a row moved to another tenant', async () => {
    const candidate = await saved();
    await dataSource.query('UPDATE candidates SET tenant_id = ? WHERE id = ?', ['tenant-b', candidate.id]);

    const error = await rejection(dataSource.getRepository(Candidate).findOneByOrFail({ id: candidate.id }));

    expect((error as CryptoError).code).toBe('CRYPTO.TAMPERED');
  });

  it('should re-encrypt every value when a row moves to another tenant', async () => {
    const candidate = await saved();
    const loaded = await dataSource.getRepository(Candidate).findOneByOrFail({ id: candidate.id });

    loaded.tenantId = 'tenant-b';
    await dataSource.getRepository(Candidate).save(loaded);

    expect(await dataSource.getRepository(Candidate).findOneByOrFail({ id: candidate.id })).toMatchObject({
      tenantId: 'tenant-b',
      idNumber: ID,
      phone: PHONE,
    });
  });

  it('should round-trip null and clear the blind index with it', async () => {
    const candidate = await saved();
    candidate.phone = null;
    await dataSource.getRepository(Candidate).save(candidate);

    const row = await rawRow(candidate.id);

    expect(row.phone).toBeNull();
    expect(row.phone_bidx).toBeNull();
    expect(
      (await dataSource.getRepository(Candidate).findOneByOrFail({ id: candidate.id })).phone,
    ).toBeNull();
  });

  it('should match nothing when searched by plaintext, and refuse a plaintext blind-index search', async () => {
    await saved();

    const found = await dataSource.getRepository(Candidate).findOneBy({ idNumber: ID });
    const error = await rejection(dataSource.getRepository(Candidate).findOneBy({ idNumberBidx: ID }));

    expect(found).toBeNull();
    expect((error as CryptoError).code).toBe('CRYPTO.INVALID_INPUT');
  });

  it('should refuse query-builder writes of encrypted values, which have no row id to bind', async () => {
    const candidate = await saved();

    const error = await rejection(
      dataSource.getRepository(Candidate).update({ id: candidate.id }, { phone: '13900000000' }),
    );

    expect((error as CryptoError).code).toBe('CRYPTO.MISSING_CONTEXT');
    expect((await dataSource.getRepository(Candidate).findOneByOrFail({ id: candidate.id })).phone).toBe(
      PHONE,
    );
  });

  it('should refuse an entity without an id', async () => {
    const candidate = Object.assign(new Candidate(), { id: undefined as unknown as string, idNumber: ID });

    const error = await rejection(dataSource.getRepository(Candidate).insert(candidate));

    expect((error as CryptoError).code).toBe('CRYPTO.MISSING_CONTEXT');
  });

  it('should decrypt entities loaded by the query builder and inserted in bulk', async () => {
    const candidates = [0, 1, 2].map((i) =>
      Object.assign(new Candidate(), { phone: `1380000000${String(i)}` }),
    );
    await dataSource.getRepository(Candidate).insert(candidates);

    const loaded = await dataSource
      .getRepository(Candidate)
      .createQueryBuilder('c')
      .orderBy('c.phone_bidx')
      .getMany();

    expect(loaded.map((candidate) => candidate.phone).sort()).toEqual([
      '13800000000',
      '13800000001',
      '13800000002',
    ]);
    expect(candidates.map((candidate) => candidate.phone)).toEqual([
      '13800000000',
      '13800000001',
      '13800000002',
    ]);
  });

  it('should refuse at registration a blind-index key that is not configured', async () => {
    const other = new DataSource({ type: 'mysql', url: database.url, entities: [Misconfigured] });
    await other.initialize();
    try {
      expect(() => registerFieldEncryption(other, { service: 'identity', cipher, blindIndex })).toThrow(
        'CRYPTO.UNKNOWN_KEY',
      );
    } finally {
      await other.destroy();
    }
  });
});
