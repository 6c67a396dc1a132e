import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { findSensitiveNumbers } from '@exam/crypto';
import {
  expectEventually,
  issueTestToken,
  type ProbedMessage,
  seedPersonalData,
  ServiceTestBed,
  testEnvelope,
} from '@exam/testing';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import { buildAuthorityServer } from '../../authority-sim/src/authority-server';
import { loadAuthoritySimEnv } from '../../authority-sim/src/config/authority-sim.env';
import {
  generatedPerson,
  SEEDED_PERSONS,
  withCheckCharacter,
} from '../../authority-sim/src/registry/test-persons';
import { canonicalString, sign } from '../../authority-sim/src/signing';
import { IdentityEnv } from '../src/config/identity.env';
import { IdentityModule } from '../src/identity.module';
import { RealNameRecordEntity } from '../src/real-name/real-name-record.entity';
import { bearer, seededPerson } from './support/factories';

const SECRET = 'e2e-authority-secret-0123456789abcdef';

describe('identity real-name verification (e2e)', () => {
  let bed: ServiceTestBed<IdentityEnv>;
  let identity: { readonly url: string };
  let sim: FastifyInstance;
  let data: DataSource;
  let completed: ProbedMessage[];
  let reviewed: ProbedMessage[];
  let minors: ProbedMessage[];
  let consentEvents: ProbedMessage[];
  const bodies: string[] = [];

  beforeAll(async () => {
    // The harness fails the file if any response carries one of these verbatim.
    seedPersonalData(...SEEDED_PERSONS.flatMap((p) => [p.name, p.idNumber]));
    sim = buildAuthorityServer(
      loadAuthoritySimEnv({
        AUTHORITY_HMAC_SECRET: SECRET,
        AUTHORITY_GENERATED_PERSONS: '10',
        LOG_LEVEL: 'error',
      }),
    );
    const simUrl = await sim.listen({ port: 0, host: '127.0.0.1' });
    bed = await ServiceTestBed.start({
      service: 'identity',
      envClass: IdentityEnv,
      module: (env) => IdentityModule.register(env),
      topics: [
        Topics.ErasureRequested,
        Topics.VerificationCompleted,
        Topics.MinorFlagged,
        Topics.GuardianConsentRecorded,
        Topics.FaceEnrolmentChanged,
        Topics.RealNameAppealReviewed,
      ],
      overrides: {
        AUTHORITY_URL: simUrl,
        AUTHORITY_HMAC_SECRET: SECRET,
        AUTHORITY_TIMEOUT_SECONDS: '1.5',
        REAL_NAME_DAILY_ATTEMPTS: '4',
      },
    });
    identity = bed;
    data = bed.dataSource;
    completed = await bed.collect(Topics.VerificationCompleted);
    reviewed = await bed.collect(Topics.RealNameAppealReviewed);
    minors = await bed.collect(Topics.MinorFlagged);
    consentEvents = await bed.collect(Topics.GuardianConsentRecorded);
  });

  afterAll(async () => {
    await bed.close();
    await sim.close();
  });

  afterEach(() => {
    // Masking check on every response body this suite received.
    for (const body of bodies) expect(findSensitiveNumbers(body, new Date())).toEqual([]);
    bodies.length = 0;
  });

  const BACKLOG_REASON = 'An older appeal waiting in the backlog.';

  /** Open appeals filed long ago, ahead of every other in the oldest-first list. */
  async function backlogOfOlderAppeals(count: number): Promise<void> {
    const rows = Array.from({ length: count }, () => [randomUUID(), randomUUID(), BACKLOG_REASON]);
    await data.query(
      `INSERT INTO real_name_appeals (id, user_id, kind, reason, status, created_at) VALUES ${rows
        .map(() => "(?, ?, 'change_request', ?, 'open', '2020-01-01 00:00:00.000')")
        .join(', ')}`,
      rows.flat(),
    );
  }

  async function verify(userId: string, body: object, expected: number): Promise<Record<string, unknown>> {
    const response = await request(identity.url)
      .post('/api/identity/real-name/verifications')
      .set('authorization', bearer({ userId }))
      .send(body);
    bodies.push(response.text);
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status: expected });
    return response.body as Record<string, unknown>;
  }

  it('should verify a matching person, store the ID number encrypted, and publish a masked event', async () => {
    const userId = randomUUID();
    const zhang = seededPerson('张三');
    const outcome = await verify(userId, zhang, 200);
    expect(outcome).toMatchObject({ result: 'match', verified: true, minor: false });
    const rows: { id_number: string; name: string; id_number_bidx: string }[] = await data.query(
      'SELECT id_number, name, id_number_bidx FROM real_name_records WHERE user_id = ?',
      [userId],
    );
    expect(rows[0]?.id_number).not.toContain(zhang.idNumber.slice(6, 14));
    expect(rows[0]?.id_number_bidx).toMatch(/^[0-9a-f]{64}$/);
    const attempts: { result: string; billable: number; provider: string; provider_ref: string | null }[] =
      await data.query(
        'SELECT result, billable, provider, provider_ref FROM verification_attempts WHERE user_id = ?',
        [userId],
      );
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ result: 'match', billable: 1, provider: 'authority-sim' });
    expect(attempts[0]?.provider_ref).toMatch(/^[0-9a-f-]{36}$/);
    const event = await expectEventually(() => {
      const found = completed.find((m) => m.value?.includes(userId) === true);
      expect(found).toBeDefined();
      return found!;
    });
    expect(event.value ?? '').not.toContain(zhang.idNumber);
    expect(event.value ?? '').toContain('"result":"match"');

    const prefill = await request(identity.url)
      .get('/api/identity/real-name/me')
      .set('authorization', bearer({ userId }))
      .expect(200);
    bodies.push(prefill.text);
    expect(prefill.body).toMatchObject({
      maskedName: '*三',
      validTo: zhang.validTo,
      minor: false,
      gender: 'male',
    });
    expect(JSON.stringify(prefill.body)).not.toContain(zhang.idNumber);

    const again = await verify(userId, zhang, 409);
    expect(again.code).toBe('IDENTITY.ALREADY_VERIFIED');
  });

  it('should refuse an ID number verified on another account without revealing that account, and accept an appeal', async () => {
    const otherUser = randomUUID();
    const body = await verify(otherUser, seededPerson('张三'), 409);
    expect(body.code).toBe('IDENTITY.ID_NUMBER_ALREADY_VERIFIED');
    const { correlationId: _ignored, ...rest } = body;
    expect(JSON.stringify(rest)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await request(identity.url)
      .post('/api/identity/real-name/appeals')
      .set('authorization', bearer({ userId: otherUser }))
      .send({ kind: 'id_number_taken', reason: 'This is my own ID card, please review.' })
      .expect(400);
    const appeal = await request(identity.url)
      .post('/api/identity/real-name/appeals')
      .set('authorization', bearer({ userId: otherUser }))
      .send({
        kind: 'id_number_taken',
        reason: 'This is my own ID card, please review.',
        idNumber: seededPerson('张三').idNumber,
      })
      .expect(201);
    bodies.push(appeal.text);
    expect(appeal.body).toMatchObject({ kind: 'id_number_taken', status: 'open' });
  });

  it('should report each authority result code', async () => {
    const zhao = seededPerson('赵无照');
    const cases: [object, string][] = [
      [{ ...seededPerson('李四'), name: '李五' }, 'mismatch'],
      [{ ...seededPerson('李四'), validTo: '2030-01-01' }, 'mismatch'],
      [{ ...zhao, idNumber: withCheckCharacter('11010519900307998') }, 'not_found'],
      [seededPerson('钱过期'), 'expired_document'],
    ];
    for (const [body, result] of cases) {
      const outcome = await verify(randomUUID(), body, 200);
      expect(outcome).toMatchObject({ result, verified: false });
    }
  });

  it('should round-trip rare characters and ethnic-minority names', async () => {
    for (const name of ['𠮷田春', '阿依古丽·买买提']) {
      const userId = randomUUID();
      const person = seededPerson(name);
      const typed = name.includes('·') ? name.replace('·', '・') : name;
      const outcome = await verify(userId, { ...person, name: typed }, 200);
      expect(outcome.result).toBe('match');
      const record = await data.getRepository(RealNameRecordEntity).findOneBy({ userId });
      expect(record?.name).toBe(name);
    }
  });

  it('should convert a 15-digit legacy number, verify its 18-character form and say so', async () => {
    const zhao = seededPerson('赵无照');
    const legacy = `${zhao.idNumber.slice(0, 6)}${zhao.idNumber.slice(8, 17)}`;
    const outcome = await verify(randomUUID(), { ...zhao, idNumber: legacy }, 200);
    expect(outcome).toMatchObject({
      result: 'match',
      verified: true,
      warnings: ['IDENTITY.ID_NUMBER_LEGACY_CONVERTED'],
    });
  });

  it('should reject invalid input with the GB 11643 rule that failed, before calling the authority', async () => {
    const zhang = seededPerson('张三');
    const wrongCheck = `${zhang.idNumber.slice(0, 17)}${zhang.idNumber.endsWith('0') ? '1' : '0'}`;
    const cases: [object, string, string][] = [
      [{ ...zhang, idNumber: wrongCheck }, 'IDENTITY.ID_NUMBER_CHECKSUM', 'idNumber'],
      [{ ...zhang, idNumber: '1101051990' }, 'IDENTITY.ID_NUMBER_LENGTH', 'idNumber'],
      [{ ...zhang, name: '张三3' }, 'IDENTITY.NAME_CHARACTERS', 'name'],
      [{ ...zhang, validTo: '2001-01-01' }, 'IDENTITY.VALIDITY_PERIOD', 'validTo'],
      [{ ...zhang, validTo: 'forever' }, 'REQUEST.INVALID', 'validTo'],
      [{ ...zhang, extra: 1 }, 'REQUEST.INVALID', 'extra'],
    ];
    for (const [body, code, field] of cases) {
      const response = await verify(randomUUID(), body, 400);
      expect(response.code).toBe(code);
      expect(JSON.stringify(response.details)).toContain(field);
    }
  });

  it('should hold a child under 14 until a verified guardian consents, and flag minors', async () => {
    const child = randomUUID();
    const xiaoming = seededPerson('王小明');
    const refused = await verify(child, xiaoming, 422);
    expect(refused.code).toBe('IDENTITY.GUARDIAN_CONSENT_REQUIRED');
    const attempts: unknown[] = await data.query('SELECT id FROM verification_attempts WHERE user_id = ?', [
      child,
    ]);
    expect(attempts).toHaveLength(0);

    const wrongGuardian = await verify(
      child,
      {
        ...xiaoming,
        guardian: { name: '王二明', idNumber: seededPerson('王大明').idNumber, relationship: 'father' },
      },
      422,
    );
    expect(wrongGuardian.code).toBe('IDENTITY.GUARDIAN_VERIFICATION_FAILED');

    const guardian = seededPerson('王大明');
    const outcome = await verify(
      child,
      { ...xiaoming, guardian: { name: guardian.name, idNumber: guardian.idNumber, relationship: 'father' } },
      200,
    );
    expect(outcome).toMatchObject({ result: 'match', verified: true, minor: true });
    const consents: { guardian_id_number: string }[] = await data.query(
      'SELECT guardian_id_number FROM guardian_consents WHERE child_user_id = ?',
      [child],
    );
    expect(consents).toHaveLength(1);
    expect(consents[0]?.guardian_id_number).not.toContain(guardian.idNumber.slice(6, 14));

    const teenId = randomUUID();
    const teen = await verify(teenId, seededPerson('李小红'), 200);
    expect(teen).toMatchObject({ result: 'match', minor: true });
    await expectEventually(() => {
      expect(consentEvents.some((m) => m.value?.includes(child) === true)).toBe(true);
      const childFlag = minors.find((m) => m.value?.includes(child) === true);
      expect(childFlag?.value).toContain('"guardianConsentRequired":true');
      expect(childFlag?.value).toContain('"adultOn":"2034-05-01"');
      const teenFlag = minors.find((m) => m.value?.includes(teenId) === true);
      expect(teenFlag?.value).toContain('"guardianConsentRequired":false');
    });
    for (const message of consentEvents) expect(message.value ?? '').not.toContain(guardian.idNumber);
  });

  it('should turn an authority failure into a 503 without deciding anything, and enforce the daily budget', async () => {
    const userId = randomUUID();
    const limited = await verify(userId, seededPerson('吴限流'), 503);
    expect(limited.code).toBe('IDENTITY.AUTHORITY_RATE_LIMITED');
    const failed = await verify(randomUUID(), seededPerson('孙故障'), 503);
    expect(failed.code).toBe('IDENTITY.AUTHORITY_UNAVAILABLE');
    const slow = await verify(userId, seededPerson('周缓慢'), 503);
    expect(slow.code).toBe('IDENTITY.AUTHORITY_UNAVAILABLE');
    const rows: { result: string; billable: number; detail: string }[] = await data.query(
      'SELECT result, billable, detail FROM verification_attempts WHERE user_id = ? ORDER BY created_at',
      [userId],
    );
    expect(rows).toEqual([
      { result: 'rate_limited', billable: 0, detail: 'provider_rate_limited' },
      { result: 'provider_error', billable: 0, detail: 'timeout' },
    ]);
    const failedRows: unknown[] = await data.query(
      "SELECT id FROM verification_attempts WHERE detail = 'http_503'",
    );
    expect(failedRows.length).toBeGreaterThan(0);
    await verify(userId, { ...seededPerson('李四'), name: '李六' }, 200);
    await verify(userId, { ...seededPerson('李四'), name: '李七' }, 200);
    const exhausted = await verify(userId, seededPerson('李四'), 429);
    expect(exhausted.code).toBe('IDENTITY.ATTEMPT_BUDGET_EXHAUSTED');
  });

  it('should not let parallel requests of one user overrun the daily budget', async () => {
    const userId = randomUUID();
    const token = issueTestToken({ userId });
    const statuses = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        request(identity.url)
          .post('/api/identity/real-name/verifications')
          .set('authorization', `Bearer ${token}`)
          .send({ ...seededPerson('李四'), name: `李${'甲乙丙丁戊己庚'.charAt(i)}` })
          .then((response) => {
            bodies.push(response.text);
            return response.status;
          }),
      ),
    );
    expect(statuses.filter((status) => status === 200)).toHaveLength(4);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3);
  });

  it('should accept authority notifications only with a valid signature and a fresh timestamp, and confirm by query', async () => {
    const userId = randomUUID();
    await verify(userId, { ...seededPerson('李四'), name: '李八' }, 200);
    const rows: { provider_ref: string; id: string }[] = await data.query(
      'SELECT provider_ref, id FROM verification_attempts WHERE user_id = ?',
      [userId],
    );
    const attempt = rows.at(0);
    if (attempt === undefined) throw new Error('no attempt recorded');
    const verificationId = attempt.provider_ref;
    const path = '/api/identity/real-name/authority/notifications';
    const body = JSON.stringify({
      event: 'verification.completed',
      verificationId,
      requestId: attempt.id,
      result: 'mismatch',
    });
    const send = async (timestamp: number, secret: string): Promise<request.Response> => {
      const ts = String(timestamp);
      const nonce = randomUUID();
      const response = await request(identity.url)
        .post(path)
        .set('content-type', 'application/json')
        .set('x-authority-app-id', 'exam-identity')
        .set('x-authority-timestamp', ts)
        .set('x-authority-nonce', nonce)
        .set('x-authority-signature', sign(secret, canonicalString('POST', path, ts, nonce, body)))
        .send(body);
      bodies.push(response.text);
      return response;
    };
    const nowSeconds = Math.floor(Date.now() / 1000);
    expect((await send(nowSeconds, 'not-the-shared-secret-at-all-000')).status).toBe(401);
    expect((await send(nowSeconds - 3600, SECRET)).status).toBe(401);
    const accepted = await send(nowSeconds, SECRET);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual({ outcome: 'confirmed' });
    const notified: { notified_at: Date | null }[] = await data.query(
      'SELECT notified_at FROM verification_attempts WHERE user_id = ?',
      [userId],
    );
    expect(notified[0]?.notified_at).not.toBeNull();
  });

  it('should let a platform admin open any one appeal and decide change requests and disputed ID numbers, with a reason and an event', async () => {
    const admin = randomUUID();
    const adminToken = issueTestToken({ userId: admin, roles: ['platform_admin'] });
    const holder = randomUUID();
    const appellant = randomUUID();
    const li = seededPerson('李四');
    await verify(holder, li, 200);
    expect((await verify(appellant, li, 409)).code).toBe('IDENTITY.ID_NUMBER_ALREADY_VERIFIED');

    const appealResponse = await request(identity.url)
      .post('/api/identity/real-name/appeals')
      .set('authorization', bearer({ userId: appellant }))
      .send({ kind: 'id_number_taken', reason: 'Someone else verified with my card.', idNumber: li.idNumber })
      .expect(201);
    bodies.push(appealResponse.text);
    const appealId = (appealResponse.body as { id: string }).id;

    await request(identity.url)
      .get('/api/identity/real-name/admin/appeals')
      .set('authorization', bearer({ userId: appellant }))
      .expect(403);
    const listed = await request(identity.url)
      .get('/api/identity/real-name/admin/appeals?status=open')
      .set('authorization', `Bearer ${adminToken}`)
      .expect(200);
    bodies.push(listed.text);
    const listedAppeal = (listed.body as { id: string; maskedIdNumber: string | null }[]).find(
      (a) => a.id === appealId,
    );
    expect(listedAppeal?.maskedIdNumber).toMatch(/^\d\*+[\dX]$/);

    const appealPath = `/api/identity/real-name/admin/appeals/${appealId}`;
    await request(identity.url).get(appealPath).expect(401);
    for (const roles of [['candidate'], ['security_analyst']] as const) {
      await request(identity.url)
        .get(appealPath)
        .set('authorization', bearer({ roles: [...roles] }))
        .expect(403);
    }
    await backlogOfOlderAppeals(100);
    const firstPage = await request(identity.url)
      .get('/api/identity/real-name/admin/appeals?status=open')
      .set('authorization', `Bearer ${adminToken}`)
      .expect(200);
    expect((firstPage.body as { id: string }[]).map((a) => a.id)).not.toContain(appealId);
    const single = await request(identity.url)
      .get(appealPath)
      .set('authorization', `Bearer ${adminToken}`)
      .expect(200);
    bodies.push(single.text);
    expect(single.body).toEqual(listedAppeal);
    const unknown = await request(identity.url)
      .get(`/api/identity/real-name/admin/appeals/${randomUUID()}`)
      .set('authorization', `Bearer ${adminToken}`)
      .expect(404);
    expect((unknown.body as { code: string }).code).toBe('IDENTITY.APPEAL_NOT_FOUND');
    const malformed = await request(identity.url)
      .get('/api/identity/real-name/admin/appeals/not-an-id')
      .set('authorization', `Bearer ${adminToken}`)
      .expect(400);
    expect((malformed.body as { code: string }).code).toBe('REQUEST.MALFORMED');

    const decisionPath = `${appealPath}/decision`;
    await request(identity.url)
      .post(decisionPath)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ decision: 'approved' })
      .expect(400);
    const decided = await request(identity.url)
      .post(decisionPath)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ decision: 'approved', reason: 'Card holder proved ownership in person.' })
      .expect(200);
    bodies.push(decided.text);
    expect(decided.body).toMatchObject({ status: 'approved', reviewedBy: admin });
    await request(identity.url)
      .post(decisionPath)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ decision: 'rejected', reason: 'Second thoughts about it.' })
      .expect(409);
    const afterDecision = await request(identity.url)
      .get(appealPath)
      .set('authorization', `Bearer ${adminToken}`)
      .expect(200);
    bodies.push(afterDecision.text);
    expect(afterDecision.body).toMatchObject({
      status: 'approved',
      reviewedBy: admin,
      reviewReason: 'Card holder proved ownership in person.',
      maskedIdNumber: listedAppeal?.maskedIdNumber,
    });
    await data.query('DELETE FROM real_name_appeals WHERE reason = ?', [BACKLOG_REASON]);

    expect((await verify(appellant, li, 200)).result).toBe('match');
    await request(identity.url)
      .get('/api/identity/real-name/me')
      .set('authorization', bearer({ userId: holder }))
      .expect(404);
    await expectEventually(() => {
      expect(reviewed.some((m) => m.value?.includes(appealId) === true && m.value.includes(holder))).toBe(
        true,
      );
    });

    const change = await request(identity.url)
      .post('/api/identity/real-name/appeals')
      .set('authorization', bearer({ userId: appellant }))
      .send({ kind: 'change_request', reason: 'My name was changed by the police station.' })
      .expect(201);
    bodies.push(change.text);
    await request(identity.url)
      .post(`/api/identity/real-name/admin/appeals/${(change.body as { id: string }).id}/decision`)
      .set('authorization', `Bearer ${adminToken}`)
      .send({ decision: 'rejected', reason: 'No supporting document was provided.' })
      .expect(200);
    await request(identity.url)
      .get('/api/identity/real-name/me')
      .set('authorization', bearer({ userId: appellant }))
      .expect(200);
  });

  it('should erase real-name data on account cancellation, once, and keep the decision-only attempts', async () => {
    const userId = randomUUID();
    const person = generatedPerson(0);
    const input = {
      name: person.name,
      idNumber: person.idNumber,
      validFrom: person.validFrom,
      validTo: person.validTo,
    };
    expect((await verify(userId, input, 200)).result).toBe('match');
    const erasure = testEnvelope(Topics.ErasureRequested, userId, {
      userId,
      requestId: randomUUID(),
      deadline: new Date(Date.now() + 15 * 86_400_000).toISOString(),
    });
    await bed.publish(erasure, erasure);
    await expectEventually(
      async () => {
        const left: unknown[] = await data.query('SELECT id FROM real_name_records WHERE user_id = ?', [
          userId,
        ]);
        expect(left).toHaveLength(0);
        const processed: unknown[] = await data.query(
          'SELECT event_id FROM inbox_events WHERE event_id = ?',
          [erasure.id],
        );
        expect(processed).toHaveLength(1);
      },
      { timeoutMs: 60_000 },
    );
    const attempts: unknown[] = await data.query('SELECT id FROM verification_attempts WHERE user_id = ?', [
      userId,
    ]);
    expect(attempts).toHaveLength(1);
    expect((await verify(randomUUID(), input, 200)).result).toBe('match');
  });

  it('should deny callers without a valid candidate token', async () => {
    const path = '/api/identity/real-name/verifications';
    await request(identity.url).post(path).send(seededPerson('李四')).expect(401);
    await request(identity.url)
      .post(path)
      .set('authorization', bearer({ signedBy: 'untrusted' }))
      .send(seededPerson('李四'))
      .expect(401);
    await request(identity.url)
      .post(path)
      .set('authorization', bearer({ expiresInSeconds: -10 }))
      .send(seededPerson('李四'))
      .expect(401);
    await request(identity.url)
      .post(path)
      .set('authorization', bearer({ roles: ['security_analyst'] }))
      .send(seededPerson('李四'))
      .expect(403);
    await request(identity.url).get('/api/identity/real-name/me').set('authorization', bearer()).expect(404);
  });
});
