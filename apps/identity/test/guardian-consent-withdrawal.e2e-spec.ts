import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { findSensitiveNumbers } from '@exam/crypto';
import {
  expectEventually,
  type ProbedMessage,
  requireTestData,
  seedPersonalData,
  ServiceTestBed,
} from '@exam/testing';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import { buildAuthorityServer } from '../../authority-sim/src/authority-server';
import { loadAuthoritySimEnv } from '../../authority-sim/src/config/authority-sim.env';
import { SEEDED_PERSONS } from '../../authority-sim/src/registry/test-persons';
import { IdentityEnv } from '../src/config/identity.env';
import { IdentityModule } from '../src/identity.module';
import { bearer, faceImageBase64, FACES_DIR, seededPerson } from './support/factories';

const SECRET = 'e2e-authority-secret-guardian-0123456789';
const FACES = FACES_DIR;
const haveFaces = requireTestData(FACES, 'the labelled test faces (kept outside the repository)');

describe('identity guardian consent withdrawal (e2e)', () => {
  let bed: ServiceTestBed<IdentityEnv>;
  let sim: FastifyInstance;
  let data: DataSource;
  let withdrawn: ProbedMessage[];
  const bodies: string[] = [];
  const child = randomUUID();
  const guardian = seededPerson('王大明');

  beforeAll(async () => {
    seedPersonalData(...SEEDED_PERSONS.flatMap((p) => [p.name, p.idNumber]));
    sim = buildAuthorityServer(
      loadAuthoritySimEnv({
        AUTHORITY_HMAC_SECRET: SECRET,
        AUTHORITY_GENERATED_PERSONS: '0',
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
        Topics.GuardianConsentWithdrawn,
      ],
      overrides: { AUTHORITY_URL: simUrl, AUTHORITY_HMAC_SECRET: SECRET },
    });
    data = bed.dataSource;
    withdrawn = await bed.collect(Topics.GuardianConsentWithdrawn);
  });

  afterAll(async () => {
    await bed.close();
    await sim.close();
  });

  afterEach(() => {
    for (const body of bodies) expect(findSensitiveNumbers(body, new Date())).toEqual([]);
    bodies.length = 0;
  });

  async function call(
    method: 'post' | 'get',
    path: string,
    userId: string,
    body?: object,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const agent = request(bed.url);
    const req = (
      method === 'post' ? agent.post(`/api/identity${path}`) : agent.get(`/api/identity${path}`)
    ).set('authorization', bearer({ userId }));
    const response = body === undefined ? await req : await req.send(body);
    bodies.push(response.text);
    return { status: response.status, body: response.body as Record<string, unknown> };
  }

  const withdraw = (userId: string, name: string, idNumber: string) =>
    call('post', '/real-name/guardian-consent/withdrawal', userId, {
      guardianName: name,
      guardianIdNumber: idNumber,
    });

  it('should verify a child with a guardian and enrol the child’s face, the state a withdrawal undoes', async () => {
    const verified = await call('post', '/real-name/verifications', child, {
      ...seededPerson('王小明'),
      guardian: { name: guardian.name, idNumber: guardian.idNumber, relationship: 'father' },
    });
    expect(verified).toMatchObject({ status: 200, body: { result: 'match', minor: true } });
    if (haveFaces) {
      const image = faceImageBase64('leonard/leonard2.png');
      const enrolled = await call('post', '/face/enrolment', child, {
        image,
        consent: true,
        consentPolicyVersion: '2026-11',
      });
      expect(enrolled.status).toBe(201);
    }
  });

  it('should refuse someone who is not the consenting guardian, malformed identifiers, and an account without consent', async () => {
    const impostor = await withdraw(child, '王二明', guardian.idNumber);
    const otherNumber = await withdraw(child, guardian.name, seededPerson('张三').idNumber);
    const malformed = await withdraw(child, guardian.name, '123');
    const noConsent = await withdraw(randomUUID(), guardian.name, guardian.idNumber);

    expect(impostor).toMatchObject({ status: 403, body: { code: 'IDENTITY.GUARDIAN_MISMATCH' } });
    expect(otherNumber).toMatchObject({ status: 403, body: { code: 'IDENTITY.GUARDIAN_MISMATCH' } });
    expect(malformed).toMatchObject({ status: 400, body: { details: [{ field: 'guardianIdNumber' }] } });
    expect(noConsent).toMatchObject({ status: 404, body: { code: 'IDENTITY.GUARDIAN_CONSENT_NOT_FOUND' } });
    const consents: unknown[] = await data.query('SELECT id FROM guardian_consents WHERE child_user_id = ?', [
      child,
    ]);
    expect(consents).toHaveLength(1);
  });

  it('should stop processing on the guardian’s withdrawal: erase the child’s record and face data, publish an event', async () => {
    const consentRows: { id: string }[] = await data.query(
      'SELECT id FROM guardian_consents WHERE child_user_id = ?',
      [child],
    );

    const response = await withdraw(child, guardian.name, guardian.idNumber.toLowerCase());

    expect(response).toMatchObject({
      status: 200,
      body: { status: 'awaiting_guardian_consent', consentId: consentRows[0]?.id },
    });
    const counts: { records: string; consents: string; templates: string }[] = await data.query(
      `SELECT (SELECT COUNT(*) FROM real_name_records WHERE user_id = ?) AS records,
              (SELECT COUNT(*) FROM guardian_consents WHERE child_user_id = ?) AS consents,
              (SELECT COUNT(*) FROM face_templates WHERE user_id = ?) AS templates`,
      [child, child, child],
    );
    expect(counts[0]).toMatchObject({ records: '0', consents: '0', templates: '0' });
    if (haveFaces) {
      const faceConsent: { withdrawn_at: Date | null }[] = await data.query(
        'SELECT withdrawn_at FROM face_consents WHERE user_id = ?',
        [child],
      );
      expect(faceConsent[0]?.withdrawn_at).not.toBeNull();
    }
    const event = await expectEventually(() => {
      const found = withdrawn.find((m) => m.value?.includes(child) === true);
      expect(found).toBeDefined();
      return found!;
    });
    expect(event.value ?? '').toContain('"relationship":"father"');
    expect(event.value ?? '').not.toContain(guardian.idNumber);
    expect(event.value ?? '').not.toContain(guardian.name);
  });

  it('should leave the account awaiting a new guardian consent', async () => {
    const me = await call('get', '/real-name/me', child);
    const again = await withdraw(child, guardian.name, guardian.idNumber);
    const withoutGuardian = await call('post', '/real-name/verifications', child, seededPerson('王小明'));

    expect(me).toMatchObject({ status: 404, body: { code: 'IDENTITY.REAL_NAME_NOT_VERIFIED' } });
    expect(again).toMatchObject({ status: 404, body: { code: 'IDENTITY.GUARDIAN_CONSENT_NOT_FOUND' } });
    expect(withoutGuardian).toMatchObject({
      status: 422,
      body: { code: 'IDENTITY.GUARDIAN_CONSENT_REQUIRED' },
    });
  });
});
