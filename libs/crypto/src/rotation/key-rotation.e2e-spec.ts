import { randomUUID } from 'node:crypto';

import { createTestDatabase, TestDatabase } from '@exam/testing/test-database';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';

import { BlindIndex } from '../blind-index';
import { CRYPTO_ENV, parseCryptoConfig } from '../crypto.config';
import { FieldCipher } from '../field-cipher';
import { generateKeys } from '../generate-keys';
import { KeyRing } from '../key-ring';
import { loadFieldProtection } from '../load-field-protection';
import { BlindIndexColumn, EncryptedColumn } from '../typeorm/encryption.decorators';
import { EntityEncryption, resolveEntityEncryption } from '../typeorm/entity-encryption';
import { FieldEncryptionSubscriber, registerFieldEncryption } from '../typeorm/field-encryption.subscriber';
import { RowTally } from './batched-job';
import { dataKeyRotationJob } from './data-key-rotation.job';
import { EncryptedTable, RawRow } from './encrypted-table';
import { KeyRotationRunner } from './key-rotation.runner';
import { KeyRotationProgressEntity } from './key-rotation-progress.entity';
import { CryptoKeyRotationProgress1764201600000 } from './key-rotation-progress.migration';
import { runRotateKeysCli } from './rotate-keys.cli';

const SERVICE = 'payments';

@Entity({ name: 'accounts' })
class Account {
  @PrimaryColumn({ type: 'char', length: 36 })
  id: string = randomUUID();

  @Column({ type: 'int', default: 0 })
  revision = 0;

  @EncryptedColumn({ name: 'phone', nullable: true })
  phone: string | null = null;

  @BlindIndexColumn({ name: 'phone_bidx', source: 'phone', kind: 'phone', keyId: 'bi1', nullable: true })
  phoneBidx: string | null = null;

  @BlindIndexColumn({
    name: 'phone_bidx_v2',
    source: 'phone',
    kind: 'phone',
    keyId: 'bi2',
    nullable: true,
    unique: true,
  })
  phoneBidxV2: string | null = null;

  @EncryptedColumn({ name: 'bank_card', nullable: true })
  bankCard: string | null = null;
}

@Entity({ name: 'progress_mirror' })
class ProgressMirror extends KeyRotationProgressEntity {}

interface Expected {
  phone: string | null;
  bankCard: string | null;
}

function dataRing(active: string, ...keyIds: string[]): FieldCipher {
  const bytes: Record<string, number> = { dk1: 0x01, dk2: 0x02, dk3: 0x03 };
  return new FieldCipher(
    new KeyRing(
      'field encryption',
      keyIds.map((id) => [id, Buffer.alloc(32, bytes[id] ?? 0)] as const),
      active,
    ),
  );
}

function indexRing(active: string): BlindIndex {
  return new BlindIndex(
    new KeyRing(
      'blind index',
      [
        ['bi1', Buffer.alloc(32, 0x61)],
        ['bi2', Buffer.alloc(32, 0x62)],
      ],
      active,
    ),
  );
}

let phoneCounter = 0;
function nextPhone(): string {
  phoneCounter += 1;
  return `139${String(phoneCounter).padStart(8, '0')}`;
}

describe(KeyRotationRunner.name, () => {
  let database: TestDatabase;
  const open: DataSource[] = [];

  async function connect(
    options: { cipher?: FieldCipher; blindIndex?: BlindIndex; synchronize?: boolean } = {},
  ): Promise<DataSource> {
    const dataSource = new DataSource({
      type: 'mysql',
      url: database.url,
      entities: [Account, KeyRotationProgressEntity],
      migrations: [CryptoKeyRotationProgress1764201600000],
      synchronize: options.synchronize ?? false,
      extra: { connectionLimit: 8 },
    });
    await dataSource.initialize();
    open.push(dataSource);
    if (options.cipher !== undefined) {
      registerFieldEncryption(dataSource, {
        service: SERVICE,
        cipher: options.cipher,
        blindIndex: options.blindIndex ?? indexRing('bi1'),
      });
    }
    return dataSource;
  }

  function subscriberOf(dataSource: DataSource): FieldEncryptionSubscriber {
    return dataSource.subscribers.find(
      (s) => s instanceof FieldEncryptionSubscriber,
    ) as FieldEncryptionSubscriber;
  }

  async function seed(dataSource: DataSource, count: number): Promise<Map<string, Expected>> {
    const expected = new Map<string, Expected>();
    const accounts = Array.from({ length: count }, (_, i) =>
      Object.assign(new Account(), {
        phone: nextPhone(),
        bankCard: i % 5 === 0 ? null : `62220212345${String(i).padStart(8, '0')}`,
      }),
    );
    // Recorded before inserting: TypeORM's bulk insert re-reads default columns and can merge them (ids
    // included) into the wrong objects when the database returns rows in another order.
    for (const account of accounts)
      expected.set(account.id, { phone: account.phone, bankCard: account.bankCard });
    for (let i = 0; i < accounts.length; i += 100)
      await dataSource.getRepository(Account).insert(accounts.slice(i, i + 100));
    return expected;
  }

  async function expectAllReadable(dataSource: DataSource, expected: Map<string, Expected>): Promise<void> {
    const rows = await dataSource.getRepository(Account).find();
    expect(rows).toHaveLength(expected.size);
    for (const row of rows)
      expect({ phone: row.phone, bankCard: row.bankCard }).toEqual(expected.get(row.id));
  }

  async function createTable(dataSource: DataSource, table: string): Promise<string> {
    const rows = await dataSource.query<Partial<Record<string, string>>[]>(`SHOW CREATE TABLE \`${table}\``);
    return (rows.at(0)?.['Create Table'] ?? '').replace(`\`${table}\``, '`<table>`');
  }

  let migratedTable = '';
  let synchronizedTable = '';

  beforeAll(async () => {
    database = await createTestDatabase('key_rotation');
    const schema = await connect({ synchronize: false });
    await schema.runMigrations();
    migratedTable = await createTable(schema, 'crypto_key_rotation_progress');
    await schema.synchronize();
    const mirror = new DataSource({
      type: 'mysql',
      url: database.url,
      entities: [ProgressMirror],
      synchronize: true,
    });
    await mirror.initialize();
    synchronizedTable = await createTable(mirror, 'progress_mirror');
    await mirror.destroy();
  });

  afterEach(async () => {
    const first = open.at(0);
    if (first !== undefined) {
      await first.query('DELETE FROM accounts');
      await first.query('DELETE FROM crypto_key_rotation_progress');
    }
  });

  afterAll(async () => {
    for (const dataSource of open) if (dataSource.isInitialized) await dataSource.destroy();
    await database.drop();
  });

  it('should have a migration that creates exactly the table the progress entity maps', () => {
    expect(migratedTable).toContain('`job` varchar(191)');
    expect(migratedTable).toBe(synchronizedTable);
  });

  it('should rotate every value while the service keeps reading and writing: nothing lost, nothing unreadable', async () => {
    const before = await connect({ cipher: dataRing('dk1', 'dk1') });
    const expected = await seed(before, 600);
    const service = await connect({ cipher: dataRing('dk2', 'dk1', 'dk2') });
    const runnerSource = await connect();
    const sut = new KeyRotationRunner(runnerSource, {
      service: SERVICE,
      cipher: dataRing('dk2', 'dk1', 'dk2'),
    });

    const workers = 4;
    const owned: string[][] = Array.from({ length: workers }, () => []);
    [...expected.keys()].forEach((id, i) => owned[i % workers]?.push(id));
    const problems: string[] = [];
    const stats = { reads: 0, updates: 0, inserts: 0 };
    let rotating = true;
    const work = async (mine: string[]): Promise<void> => {
      const repository = service.getRepository(Account);
      while (rotating) {
        const id = mine[Math.floor(Math.random() * mine.length)] ?? '';
        const dice = Math.random();
        try {
          if (dice < 0.5) {
            const account = await repository.findOneByOrFail({ id });
            const want = expected.get(id);
            if (account.phone !== want?.phone || account.bankCard !== want.bankCard)
              problems.push(`stale read of ${id}`);
            stats.reads += 1;
          } else if (dice < 0.85) {
            const account = await repository.findOneByOrFail({ id });
            account.phone = nextPhone();
            if (dice < 0.6) account.bankCard = null;
            account.revision += 1;
            await repository.save(account);
            expected.set(id, { phone: account.phone, bankCard: account.bankCard });
            stats.updates += 1;
          } else {
            const account = Object.assign(new Account(), {
              phone: nextPhone(),
              bankCard: '6222020000000000001',
            });
            await repository.save(account);
            expected.set(account.id, { phone: account.phone, bankCard: account.bankCard });
            mine.push(account.id);
            stats.inserts += 1;
          }
        } catch (error: unknown) {
          problems.push(error instanceof Error ? error.message : 'unknown error');
        }
      }
    };
    const running = owned.map((mine) => work(mine));

    const report = await sut.rotateDataKeys({ batchSize: 20, pauseMs: 5 });
    rotating = false;
    await Promise.all(running);

    expect(problems).toEqual([]);
    expect(report.completed).toBe(true);
    expect(report.jobs[0]?.failures).toEqual([]);
    expect(stats.reads).toBeGreaterThan(50);
    expect(stats.updates).toBeGreaterThan(50);
    expect(stats.inserts).toBeGreaterThan(10);
    const usage = await sut.keyUsage();
    expect(usage.map((column) => Object.keys(column.counts).filter((key) => key !== 'null'))).toEqual([
      ['dk2'],
      ['dk2'],
    ]);
    const retired = await connect({ cipher: dataRing('dk2', 'dk2') });
    await expectAllReadable(retired, expected);
  });

  it('should never overwrite a concurrent write with a re-encryption of the value it replaced', async () => {
    const writer = await connect({ cipher: dataRing('dk1', 'dk1') });
    const [, id] = [...(await seed(writer, 2)).keys()] as [string, string];
    const runnerSource = await connect();
    const cipher = dataRing('dk2', 'dk1', 'dk2');
    const encryption = resolveEntityEncryption(
      runnerSource.getMetadata(Account),
      SERVICE,
    ) as EntityEncryption;
    const queryRunner = runnerSource.createQueryRunner();
    const table = new EncryptedTable(runnerSource, queryRunner, encryption);
    const staleRead = (await table.readRow(id, ['phone', 'bank_card'])) as RawRow;
    const service = await connect({ cipher });
    const account = await service.getRepository(Account).findOneByOrFail({ id });
    account.phone = '13700000001';
    await service.getRepository(Account).save(account);
    const tally: RowTally = { failures: [], races: 0 };

    const outcome = await dataKeyRotationJob(encryption, SERVICE, cipher).processRow(staleRead, table, tally);

    const row = (await table.readRow(id, ['phone', 'bank_card'])) as RawRow;
    await queryRunner.release();
    expect(outcome).toBe('changed');
    expect(tally.races).toBe(1);
    expect(cipher.keyIdOf(row.bank_card as string)).toBe('dk2');
    expect((await service.getRepository(Account).findOneByOrFail({ id })).phone).toBe('13700000001');
  });

  it('should resume a stopped rotation from its recorded cursor', async () => {
    const expected = await seed(await connect({ cipher: dataRing('dk1', 'dk1') }), 95);
    const runnerSource = await connect();
    const options = { service: SERVICE, cipher: dataRing('dk2', 'dk1', 'dk2') };

    const first = await new KeyRotationRunner(runnerSource, options).rotateDataKeys({
      batchSize: 10,
      maxBatches: 3,
    });
    const progress = await runnerSource
      .getRepository(KeyRotationProgressEntity)
      .findOneByOrFail({ job: 'rotate:accounts' });
    const second = await new KeyRotationRunner(runnerSource, options).rotateDataKeys({ batchSize: 10 });
    const third = await new KeyRotationRunner(runnerSource, options).rotateDataKeys({ batchSize: 10 });

    expect(first).toMatchObject({ completed: false, jobs: [{ scanned: 30, changed: 30 }] });
    expect(progress).toMatchObject({ targetKeyId: 'dk2', rowsScanned: 30, completedAt: null });
    expect(second).toMatchObject({
      completed: true,
      jobs: [{ resumedFrom: progress.lastRowId, scanned: 65, changed: 65 }],
    });
    expect(third.jobs[0]?.alreadyCompleted).toBe(true);
    await expectAllReadable(await connect({ cipher: dataRing('dk2', 'dk2') }), expected);
  });

  it('should report values it cannot decrypt and keep going', async () => {
    const source = await connect({ cipher: dataRing('dk1', 'dk1') });
    const [donor, victim] = [...(await seed(source, 10)).keys()] as [string, string];
    await source.query(
      'UPDATE accounts SET phone = (SELECT v FROM (SELECT phone AS v FROM accounts WHERE id = ?) s) WHERE id = ?',
      [donor, victim],
    );
    const sut = new KeyRotationRunner(await connect(), {
      service: SERVICE,
      cipher: dataRing('dk2', 'dk1', 'dk2'),
    });

    const report = await sut.rotateDataKeys();

    expect(report.jobs[0]?.failures.map((failure) => [failure.rowId, failure.column, failure.code])).toEqual([
      [victim, 'phone', 'CRYPTO.TAMPERED'],
    ]);
    expect(report.jobs[0]?.changed).toBe(10);
  });

  it('should backfill a new blind-index column so lookups can switch to the new index key', async () => {
    const source = await connect({ cipher: dataRing('dk1', 'dk1') });
    const expected = await seed(source, 40);
    await source.query('UPDATE accounts SET phone_bidx_v2 = NULL');
    const sut = new KeyRotationRunner(await connect(), {
      service: SERVICE,
      cipher: dataRing('dk1', 'dk1'),
      blindIndex: indexRing('bi2'),
    });

    const report = await sut.backfillBlindIndexes({ batchSize: 15 });
    const switched = await connect({ cipher: dataRing('dk1', 'dk1'), blindIndex: indexRing('bi2') });
    const [id, { phone }] = [...expected.entries()][7] ?? ['', { phone: null }];
    const where = subscriberOf(switched).blindIndexWhere(Account, 'phone', phone ?? '');
    const found = await switched.getRepository(Account).findOneBy(where);

    expect(report.completed).toBe(true);
    expect(report.jobs.map((job) => [job.job, job.changed])).toEqual([
      ['backfill:accounts.phone_bidx', 0],
      ['backfill:accounts.phone_bidx_v2', 40],
    ]);
    expect(Object.keys(where)).toEqual(['phoneBidxV2']);
    expect(found?.id).toBe(id);
  });

  it('should run from the CLI helper with keys from the environment', async () => {
    const original: Record<string, string> = { NODE_ENV: 'production', ...generateKeys() };
    const protection = await loadFieldProtection(parseCryptoConfig(original));
    const writer = await connect();
    registerFieldEncryption(writer, {
      service: SERVICE,
      cipher: protection.cipher,
      blindIndex: indexRing('bi1'),
    });
    const expected = await seed(writer, 30);
    const rotated = { ...original, ...generateKeys({ mode: 'add-data-key', existing: original }) };
    const lines: string[] = [];

    const code = await runRotateKeysCli({
      service: SERVICE,
      argv: ['rotate', '--batch-size=7'],
      env: rotated,
      dataSource: () =>
        new DataSource({ type: 'mysql', url: database.url, entities: [Account, KeyRotationProgressEntity] }),
      write: (line) => lines.push(line),
      handleSignals: false,
    });

    const active = rotated[CRYPTO_ENV.activeDataKeyId] ?? '';
    expect(code).toBe(0);
    expect(lines[0]).toContain(`rotate:accounts → ${active}: completed; scanned 30, changed 30`);
    expect(lines).toContain(`accounts.phone: ${active}=30`);
    const after = await loadFieldProtection(parseCryptoConfig(rotated));
    await expectAllReadable(await connect({ cipher: after.cipher, blindIndex: indexRing('bi1') }), expected);
  });
});
