import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { CryptoError, type FieldProtection } from '@exam/crypto';
import { FIELD_PROTECTION } from '@exam/platform';
import { seedPersonalData, ServiceTestBed } from '@exam/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import { SEEDED_PERSONS } from '../../authority-sim/src/registry/test-persons';
import { IdentityEnv } from '../src/config/identity.env';
import { IdentityModule } from '../src/identity.module';
import { RealNameOwnerBinding } from '../src/real-name/real-name-owner-binding';
import { RealNameRecordEntity } from '../src/real-name/real-name-record.entity';
import { RealNameRecordRepository } from '../src/real-name/real-name-record.repository';
import { bearer, seededPerson } from './support/factories';

interface StoredRow {
  name: string;
  id_number: string;
  owner_bound: number;
}

describe('real-name records bound to their owner (e2e, #12 item 18)', () => {
  let bed: ServiceTestBed<IdentityEnv>;
  let data: DataSource;
  let records: RealNameRecordRepository;
  let protection: FieldProtection;

  beforeAll(async () => {
    seedPersonalData(...SEEDED_PERSONS.flatMap((p) => [p.name, p.idNumber]));
    bed = await ServiceTestBed.start({
      service: 'identity',
      envClass: IdentityEnv,
      module: (env) => IdentityModule.register(env),
      topics: [Topics.FaceEnrolmentChanged],
    });
    data = bed.dataSource;
    records = bed.service.app.get(RealNameRecordRepository);
    protection = bed.service.app.get<FieldProtection>(FIELD_PROTECTION);
  });

  afterAll(async () => {
    await bed.close();
  });

  function record(userId: string, person: string): RealNameRecordEntity {
    const input = seededPerson(person);
    return Object.assign(new RealNameRecordEntity(), {
      userId,
      name: input.name,
      idNumber: input.idNumber,
      validFrom: input.validFrom,
      validTo: input.validTo,
      birthDate: '1990-01-01',
      gender: 'male',
      minor: false,
      faceVerified: false,
      attemptId: randomUUID(),
    });
  }

  /** A row as written before the owner was in the AAD: row-only context, owner_bound = 0. */
  async function legacyRow(userId: string, person: string, rowIdInAad?: string): Promise<string> {
    const input = seededPerson(person);
    const id = randomUUID();
    const seal = (column: string, value: string): string =>
      protection.cipher.encrypt(value, {
        service: 'identity',
        table: 'real_name_records',
        column,
        rowId: rowIdInAad ?? id,
      });
    await data.query(
      `INSERT INTO real_name_records
         (id, user_id, name, id_number, id_number_bidx, valid_from, valid_to, birth_date, gender, minor, attempt_id, owner_bound)
       VALUES (?, ?, ?, ?, NULL, ?, ?, '1990-01-01', 'male', 0, ?, 0)`,
      [
        id,
        userId,
        seal('name', input.name),
        seal('id_number', input.idNumber),
        input.validFrom,
        input.validTo,
        randomUUID(),
      ],
    );
    return id;
  }

  async function stored(id: string): Promise<StoredRow | undefined> {
    const rows: StoredRow[] = await data.query(
      'SELECT name, id_number, owner_bound FROM real_name_records WHERE id = ?',
      [id],
    );
    return rows[0];
  }

  const moveTo = (fromUser: string, toUser: string): Promise<unknown> =>
    data.query('UPDATE real_name_records SET user_id = ? WHERE user_id = ?', [toUser, fromUser]);

  async function prefill(userId: string): Promise<request.Response> {
    return request(bed.url).get('/api/identity/real-name/me').set('authorization', bearer({ userId }));
  }

  it("should not decrypt a row moved to another account (the owner is in the ciphertext's AAD)", async () => {
    const owner = randomUUID();
    const intruder = randomUUID();
    await data.transaction((tx) => records.insert(tx, record(owner, '张三')));
    expect((await records.findByUser(owner))?.name).toBe('张三');

    await moveTo(owner, intruder);

    await expect(records.findByUser(intruder)).rejects.toBeInstanceOf(CryptoError);
    const response = await prefill(intruder);
    expect(response.status).not.toBe(200);
    expect(response.text).not.toContain('*三');
  });

  it('should re-encrypt an older row with its owner on read, and then refuse it moved elsewhere', async () => {
    const owner = randomUUID();
    const id = await legacyRow(owner, '李四');
    const before = await stored(id);

    const response = await prefill(owner);

    expect(response).toMatchObject({ status: 200, body: { maskedName: '*四' } });
    const after = await stored(id);
    expect(after?.owner_bound).toBe(1);
    expect(after?.name).not.toBe(before?.name);
    expect(after?.id_number).not.toBe(before?.id_number);
    const intruder = randomUUID();
    await moveTo(owner, intruder);
    await expect(records.findByUser(intruder)).rejects.toBeInstanceOf(CryptoError);
  });

  it('should re-encrypt every older row at startup, leaving a row that does not decrypt as it is', async () => {
    const first = randomUUID();
    const second = randomUUID();
    const broken = randomUUID();
    const ids = [await legacyRow(first, '王大明'), await legacyRow(second, '李小红')];
    const brokenId = await legacyRow(broken, '赵无照', randomUUID());

    const result = await bed.service.app.get(RealNameOwnerBinding).bindAll();

    expect(result.failed).toEqual([brokenId]);
    expect(result.bound).toBeGreaterThanOrEqual(2);
    for (const id of ids) expect((await stored(id))?.owner_bound).toBe(1);
    expect((await records.findByUser(first))?.name).toBe('王大明');
    expect((await records.findByUser(second))?.name).toBe('李小红');
    expect((await stored(brokenId))?.owner_bound).toBe(0);
    await expect(records.findByUser(broken)).rejects.toBeInstanceOf(CryptoError);
  });
});
