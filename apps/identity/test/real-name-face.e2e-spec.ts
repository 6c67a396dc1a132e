import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { findSensitiveNumbers } from '@exam/crypto';
import { describeWithData, seedPersonalData, ServiceTestBed } from '@exam/testing';
import type { FastifyInstance } from 'fastify';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import { buildAuthorityServer } from '../../authority-sim/src/authority-server';
import { loadAuthoritySimEnv } from '../../authority-sim/src/config/authority-sim.env';
import { SEEDED_PERSONS } from '../../authority-sim/src/registry/test-persons';
import { IdentityEnv } from '../src/config/identity.env';
import type { HeadMovement } from '../src/face/face-liveness';
import { IdentityModule } from '../src/identity.module';
import { bearer, faceImage, FACES_DIR, FRAME_TIMES_MS, seededPerson } from './support/factories';

const SECRET = 'e2e-authority-secret-face-0123456789abcdef';
const FACES = FACES_DIR;
const describeWithFaces = describeWithData(FACES, 'the labelled test faces (kept outside the repository)');

const face = faceImage;

interface Challenge {
  challengeId: string;
  nonce: string;
  steps: HeadMovement[];
}

interface AttemptRow {
  result: string;
  billable: number;
  score: number | null;
  threshold: number | null;
  provider: string;
  model_version: string | null;
  provider_ref: string | null;
  detail: string | null;
}

// Yaws from scripts/face-eval.ts. The simulator links 李四 to "bernadette", 阿依古丽·买买提 to "amy", 王大明 to
// "sheldon" and holds each label's first file as the card photo (CONTRACT.md § Face comparison).
const moves = (left: string, right: string, straight: string): Record<HeadMovement, string> => ({
  turn_left: left,
  turn_right: right,
  look_straight: straight,
});
const BERNADETTE = moves(
  'bernadette/bernadette2.png',
  'bernadette/bernadette4.png',
  'bernadette/bernadette3.png',
);
const SHELDON_CARD_PHOTO = moves('sheldon/sheldon4.png', 'sheldon/sheldon3.png', 'sheldon/sheldon1.png');
const STILL = moves('penny/penny5.png', 'penny/penny5.png', 'penny/penny5.png');
const BERNADETTE_TURNS_SWAPPED = moves(
  'bernadette/bernadette4.png',
  'bernadette/bernadette2.png',
  'bernadette/bernadette3.png',
);

describeWithFaces('identity real-name verification with the face step (e2e)', () => {
  let bed: ServiceTestBed<IdentityEnv>;
  let sim: FastifyInstance;
  let data: DataSource;
  const bodies: string[] = [];

  beforeAll(async () => {
    seedPersonalData(...SEEDED_PERSONS.flatMap((p) => [p.name, p.idNumber]));
    sim = buildAuthorityServer(
      loadAuthoritySimEnv({
        AUTHORITY_HMAC_SECRET: SECRET,
        AUTHORITY_GENERATED_PERSONS: '0',
        AUTHORITY_REFERENCE_PHOTOS_DIR: FACES,
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
      ],
      overrides: { AUTHORITY_URL: simUrl, AUTHORITY_HMAC_SECRET: SECRET, AUTHORITY_TIMEOUT_SECONDS: '3' },
    });
    data = bed.dataSource;
  });

  afterAll(async () => {
    await bed.close();
    await sim.close();
  });

  afterEach(() => {
    for (const body of bodies) expect(findSensitiveNumbers(body, new Date())).toEqual([]);
    bodies.length = 0;
  });

  async function post(
    userId: string,
    path: string,
    body: object,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await request(bed.url)
      .post(`/api/identity/real-name${path}`)
      .set('authorization', bearer({ userId }))
      .send(body);
    bodies.push(response.text);
    return { status: response.status, body: response.body as Record<string, unknown> };
  }

  async function challenge(userId: string): Promise<Challenge> {
    const response = await post(userId, '/face-challenges', {
      consent: true,
      consentPolicyVersion: '2026-11',
    });
    expect(response.status).toBe(201);
    return response.body as unknown as Challenge;
  }

  const answer = (asked: Challenge, frames: Record<HeadMovement, string>): object => ({
    challengeId: asked.challengeId,
    nonce: asked.nonce,
    frames: asked.steps.map((step) => face(frames[step]).toString('base64')),
    frameTimesMs: FRAME_TIMES_MS,
  });

  async function verifyWithFace(
    person: string,
    frames: Record<HeadMovement, string>,
  ): Promise<{ userId: string; body: Record<string, unknown>; attempt: AttemptRow }> {
    const userId = randomUUID();
    const asked = await challenge(userId);
    const response = await post(userId, '/verifications', {
      ...seededPerson(person),
      face: answer(asked, frames),
    });
    expect(response.status).toBe(200);
    const rows: AttemptRow[] = await data.query(
      'SELECT result, billable, score, threshold, provider, model_version, provider_ref, detail FROM verification_attempts WHERE user_id = ?',
      [userId],
    );
    expect(rows).toHaveLength(1);
    return { userId, body: response.body, attempt: rows[0] };
  }

  it('should verify a person whose live capture the authority matches with its photo, storing its score and threshold', async () => {
    const { userId, body, attempt } = await verifyWithFace('李四', BERNADETTE);

    expect(body).toMatchObject({ result: 'match', verified: true, livenessReason: null });
    expect(attempt).toMatchObject({
      result: 'match',
      billable: 1,
      score: 0.95,
      threshold: 0.8,
      provider: 'authority-sim',
      model_version: 'sim-face-2026.1',
    });
    const records: { user_id: string }[] = await data.query(
      'SELECT user_id FROM real_name_records WHERE user_id = ?',
      [userId],
    );
    expect(records).toHaveLength(1);
  });

  it("should answer face_mismatch when the capture shows someone else than the authority's photo", async () => {
    const { userId, body, attempt } = await verifyWithFace('阿依古丽·买买提', BERNADETTE);

    expect(body).toMatchObject({ result: 'face_mismatch', verified: false });
    expect(attempt).toMatchObject({ result: 'face_mismatch', billable: 1, score: 0.12, threshold: 0.8 });
    const records: unknown[] = await data.query('SELECT user_id FROM real_name_records WHERE user_id = ?', [
      userId,
    ]);
    expect(records).toHaveLength(0);
  });

  it('should answer no_photo for a person the authority holds no photo of', async () => {
    const { body, attempt } = await verifyWithFace('赵无照', BERNADETTE);

    expect(body).toMatchObject({ result: 'no_photo', verified: false });
    expect(attempt).toMatchObject({ result: 'no_photo', billable: 1, score: null });
  });

  it('should decide liveness_failed locally for a still picture, without calling or paying the authority', async () => {
    const { body, attempt } = await verifyWithFace('𠮷田春', STILL);

    expect(body).toMatchObject({ result: 'liveness_failed', verified: false });
    expect(attempt).toMatchObject({
      result: 'liveness_failed',
      billable: 0,
      provider: 'identity-liveness',
      provider_ref: null,
      score: null,
    });
    expect(attempt.model_version).toContain('face-api');
    expect(attempt.detail).toContain('still image');
    expect(body.livenessReason).toBe(attempt.detail);
    expect(body.message).toContain(String(attempt.detail));
  });

  it('should tell the person which movement a frame did not show, as stored with the attempt', async () => {
    const { body, attempt } = await verifyWithFace('𠮷田春', BERNADETTE_TURNS_SWAPPED);

    expect(body).toMatchObject({ result: 'liveness_failed', verified: false });
    expect(attempt).toMatchObject({ result: 'liveness_failed', billable: 0, provider: 'identity-liveness' });
    expect(body.livenessReason).toMatch(/^frame [0-2] does not show turn_(left|right) \(yaw -?[0-9.]+\)$/);
    expect(body.livenessReason).toBe(attempt.detail);
    expect(body.message).toContain(String(body.livenessReason));
  });

  it("should pass on the authority's own liveness refusal (its card photo sent back), not billed", async () => {
    const { body, attempt } = await verifyWithFace('王大明', SHELDON_CARD_PHOTO);

    expect(body).toMatchObject({
      result: 'liveness_failed',
      verified: false,
      livenessReason: null,
      message: 'The liveness check failed; try again in good light.',
    });
    expect(attempt).toMatchObject({ result: 'liveness_failed', billable: 0, provider: 'authority-sim' });
    expect(attempt.provider_ref).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('should refuse a face step without consent, with a foreign or used challenge, or with the wrong number of frames', async () => {
    const noConsent = await post(randomUUID(), '/face-challenges', {});
    const stranger = randomUUID();
    await challenge(stranger);
    const owner = randomUUID();
    const asked = await challenge(owner);
    const body = { ...seededPerson('李四'), face: answer(asked, BERNADETTE) };
    const foreign = await post(stranger, '/verifications', body);
    const tooFew = await post(owner, '/verifications', {
      ...body,
      face: { ...answer(asked, BERNADETTE), frames: [face('bernadette/bernadette3.png').toString('base64')] },
    });
    await data.query('UPDATE real_name_face_challenges SET used_at = NOW(3) WHERE id = ?', [
      asked.challengeId,
    ]);
    const used = await post(owner, '/verifications', body);
    const malformed = await post(owner, '/verifications', {
      ...seededPerson('李四'),
      face: { challengeId: 'x', nonce: 'y', frames: ['***'] },
    });

    expect(noConsent).toMatchObject({ status: 403, body: { code: 'FACE.CONSENT_REQUIRED' } });
    expect(foreign).toMatchObject({ status: 404, body: { code: 'FACE.CHALLENGE_NOT_FOUND' } });
    expect(tooFew).toMatchObject({ status: 400, body: { code: 'FACE.CHALLENGE_MISMATCH' } });
    expect(used).toMatchObject({ status: 410, body: { code: 'FACE.CHALLENGE_EXPIRED' } });
    expect(malformed.status).toBe(400);
    const fields = (malformed.body.details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['face.challengeId', 'face.nonce']));
    // None of the refused requests reached the authority or used the budget.
    const attempts: unknown[] = await data.query(
      'SELECT id FROM verification_attempts WHERE user_id IN (?, ?)',
      [owner, stranger],
    );
    expect(attempts).toHaveLength(0);
  });
});
