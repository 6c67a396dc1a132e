import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { BaseServiceEnv, REVEALS_PER_HOUR } from '@exam/platform';
import {
  allowFullValuesOn,
  expectEventually,
  issueTestToken,
  type ProbedMessage,
  seedPersonalData,
  ServiceTestBed,
} from '@exam/testing';
import request from 'supertest';

import { FixturePersonModule } from './fixtures/fixture-person.module';

const NAME = '欧阳明';
const ID_NUMBER = '11010519491231002X';

describe('PersonalDataRevealService (reveal pattern, e2e)', () => {
  let bed: ServiceTestBed<BaseServiceEnv>;
  let revealed: ProbedMessage[];
  let personId: string;
  const admin = randomUUID();
  const adminToken = issueTestToken({ userId: admin, roles: ['platform_admin'] });
  const reason = 'Candidate appeal #4711: compare the ID number with the scanned document';

  beforeAll(async () => {
    seedPersonalData(NAME, ID_NUMBER);
    allowFullValuesOn('POST', '/api/fixperson/persons/:id/id-number/reveal');
    bed = await ServiceTestBed.start({
      service: 'fixperson',
      envClass: BaseServiceEnv,
      module: (env) => FixturePersonModule.register(env),
      topics: [Topics.IdentityPersonalDataRevealed],
    });
    revealed = await bed.collect(Topics.IdentityPersonalDataRevealed);
    const created = await request(bed.url)
      .post('/api/fixperson/persons')
      .send({ name: NAME, idNumber: ID_NUMBER })
      .expect(201);
    personId = (created.body as { id: string }).id;
  });

  afterAll(async () => {
    await bed.close();
  });

  it('should store only ciphertext and a blind index at rest', async () => {
    const rows: { name: string; id_number: string; id_number_bidx: string }[] = await bed.dataSource.query(
      'SELECT name, id_number, id_number_bidx FROM fixture_persons WHERE id = ?',
      [personId],
    );
    expect(rows[0]?.id_number.startsWith('ef1:')).toBe(true);
    expect(rows[0]?.name.startsWith('ef1:')).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(ID_NUMBER);
    expect(rows[0]?.id_number_bidx).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should answer reads with masked values only', async () => {
    const response = await request(bed.url).get(`/api/fixperson/persons/${personId}`).expect(200);
    expect(response.body).toEqual({ id: personId, name: '**明', idNumber: '1****************X' });
  });

  it('should refuse a reveal to anyone but the allowed role', async () => {
    const candidate = issueTestToken({ roles: ['candidate'] });
    await request(bed.url)
      .post(`/api/fixperson/persons/${personId}/id-number/reveal`)
      .set('authorization', `Bearer ${candidate}`)
      .send({ reason })
      .expect(403);
    await request(bed.url)
      .post(`/api/fixperson/persons/${personId}/id-number/reveal`)
      .send({ reason })
      .expect(401);
  });

  it('should require a written reason', async () => {
    const response = await request(bed.url)
      .post(`/api/fixperson/persons/${personId}/id-number/reveal`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ reason: 'because' })
      .expect(400);
    expect((response.body as { details: { field: string }[] }).details[0]?.field).toBe('reason');
  });

  it('should reveal the full value to an admin with a reason and emit an audit event without the value', async () => {
    const response = await request(bed.url)
      .post(`/api/fixperson/persons/${personId}/id-number/reveal`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ reason })
      .expect(201);
    expect(response.body).toMatchObject({ field: 'idNumber', value: ID_NUMBER });
    const event = await expectEventually(() => {
      const match = revealed.find((m) => m.value?.includes(personId));
      expect(match).toBeDefined();
      return match!;
    });
    expect(event.value).not.toContain(ID_NUMBER);
    expect(JSON.parse(event.value ?? '{}')).toMatchObject({
      type: Topics.IdentityPersonalDataRevealed,
      payload: { actorId: admin, subjectId: personId, field: 'idNumber', reason },
    });
  });

  it('should rate-limit reveals per actor', async () => {
    const busyAdmin = issueTestToken({ userId: randomUUID(), roles: ['platform_admin'] });
    const reveal = (): request.Test =>
      request(bed.url)
        .post(`/api/fixperson/persons/${personId}/id-number/reveal`)
        .set('authorization', `Bearer ${busyAdmin}`)
        .send({ reason });
    for (let i = 0; i < REVEALS_PER_HOUR; i += 1) await reveal().expect(201);
    const limited = await reveal().expect(429);
    expect((limited.body as { code: string }).code).toBe('REVEAL.RATE_LIMITED');
  });

  it('should reveal no more than the limit to 200 parallel requests of one actor', async () => {
    const actor = randomUUID();
    const token = issueTestToken({ userId: actor, roles: ['platform_admin'] });

    const responses = await Promise.all(
      Array.from({ length: 200 }, () =>
        request(bed.url)
          .post(`/api/fixperson/persons/${personId}/id-number/reveal`)
          .set('authorization', `Bearer ${token}`)
          .send({ reason }),
      ),
    );

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(REVEALS_PER_HOUR);
    expect(statuses.filter((s) => s === 429)).toHaveLength(200 - REVEALS_PER_HOUR);
    expect(responses.filter((r) => r.text.includes(ID_NUMBER))).toHaveLength(REVEALS_PER_HOUR);
    const rows: { n: string }[] = await bed.dataSource.query(
      'SELECT COUNT(*) AS n FROM personal_data_reveals WHERE actor_id = ?',
      [actor],
    );
    expect(Number(rows[0]?.n)).toBe(REVEALS_PER_HOUR);
  });

  it('should return 404 for an unknown subject rather than an empty value', async () => {
    await request(bed.url)
      .post(`/api/fixperson/persons/${randomUUID()}/id-number/reveal`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ reason })
      .expect(404);
  });
});
