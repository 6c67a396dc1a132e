import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import {
  describeWithData,
  expectEventually,
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
import { SEEDED_PERSONS } from '../../authority-sim/src/registry/test-persons';
import { IdentityEnv } from '../src/config/identity.env';
import type { HeadMovement } from '../src/face/face-liveness';
import { IdentityModule } from '../src/identity.module';
import { bearer, faceImage, FACES_DIR, FRAME_TIMES_MS, seededPerson } from './support/factories';

const SECRET = 'e2e-authority-secret-bind-0123456789abcdef';
const describeWithFaces = describeWithData(
  FACES_DIR,
  'the labelled test faces (kept outside the repository)',
);

interface Challenge {
  challengeId: string;
  nonce: string;
  steps: HeadMovement[];
}

interface Decision {
  outcome: string;
  passed: boolean;
  reason: string;
}

// Yaws from scripts/face-eval.ts. The simulator links 李四 to "bernadette" (card photo bernadette1).
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
// Her exam-start answer: another straight photo, since bernadette3 (the verified capture, now her template) sent
// again is refused as a replay.
const BERNADETTE_AT_EXAM = moves(
  'bernadette/bernadette2.png',
  'bernadette/bernadette4.png',
  'bernadette/bernadette1.png',
);
// A live person doing the moves correctly: the stand-in.
const SHELDON = moves('sheldon/sheldon4.png', 'sheldon/sheldon3.png', 'sheldon/sheldon1.png');
// Sheldon's own step-up answer when sheldon1 is his enrolment image.
const SHELDON_STEP_UP = moves('sheldon/sheldon4.png', 'sheldon/sheldon3.png', 'sheldon/sheldon2.png');

describeWithFaces('identity binds the face to the verified person (e2e, #12 item 3)', () => {
  let bed: ServiceTestBed<IdentityEnv>;
  let sim: FastifyInstance;
  let data: DataSource;
  let completed: ProbedMessage[];
  const exam = randomUUID();

  beforeAll(async () => {
    seedPersonalData(...SEEDED_PERSONS.flatMap((p) => [p.name, p.idNumber]));
    sim = buildAuthorityServer(
      loadAuthoritySimEnv({
        AUTHORITY_HMAC_SECRET: SECRET,
        AUTHORITY_GENERATED_PERSONS: '0',
        AUTHORITY_REFERENCE_PHOTOS_DIR: FACES_DIR,
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
        Topics.FaceEnrolmentChanged,
      ],
      overrides: { AUTHORITY_URL: simUrl, AUTHORITY_HMAC_SECRET: SECRET, AUTHORITY_TIMEOUT_SECONDS: '3' },
    });
    data = bed.dataSource;
    completed = await bed.collect(Topics.VerificationCompleted);
  });

  afterAll(async () => {
    await bed.close();
    await sim.close();
  });

  async function call(method: 'post' | 'delete', path: string, userId: string, body?: object) {
    const req = request(bed.url)[method](`/api/identity${path}`).set('authorization', bearer({ userId }));
    const response = body === undefined ? await req : await req.send(body);
    return { status: response.status, body: response.body as Record<string, unknown> };
  }

  const frames = (asked: Challenge, pictures: Record<HeadMovement, string>): string[] =>
    asked.steps.map((step) => faceImage(pictures[step]).toString('base64'));

  const enrol = (userId: string, picture: string) =>
    call('post', '/face/enrolment', userId, {
      image: faceImage(picture).toString('base64'),
      consent: true,
      consentPolicyVersion: '2026-11',
    });

  async function verify(userId: string, person: string, pictures?: Record<HeadMovement, string>) {
    let face: object | undefined;
    if (pictures !== undefined) {
      const asked = await call('post', '/real-name/face-challenges', userId, {
        consent: true,
        consentPolicyVersion: '2026-11',
      });
      expect(asked.status).toBe(201);
      const challenge = asked.body as unknown as Challenge;
      face = {
        challengeId: challenge.challengeId,
        nonce: challenge.nonce,
        frames: frames(challenge, pictures),
        frameTimesMs: FRAME_TIMES_MS,
      };
    }
    const response = await call('post', '/real-name/verifications', userId, {
      ...seededPerson(person),
      ...(face === undefined ? {} : { face }),
    });
    expect(response).toMatchObject({ status: 200, body: { result: 'match', verified: true } });
  }

  async function examStartCheck(userId: string, pictures: Record<HeadMovement, string>) {
    const asked = await call('post', '/face/challenges', userId, { purpose: 'exam_start', examId: exam });
    expect(asked.status).toBe(201);
    const challenge = asked.body as unknown as Challenge;
    const answer = await call('post', '/face/checks', userId, {
      challengeId: challenge.challengeId,
      nonce: challenge.nonce,
      frames: frames(challenge, pictures),
      frameTimesMs: FRAME_TIMES_MS,
    });
    expect(answer.status).toBe(200);
    return { decision: answer.body.decision as Decision, token: answer.body.faceCheckToken };
  }

  async function completedEventOf(userId: string): Promise<Record<string, unknown>> {
    const message = await expectEventually(() => {
      const found = completed.find((m) => m.value?.includes(userId) === true);
      expect(found).toBeDefined();
      return found!;
    });
    return (JSON.parse(message.value ?? '{}') as { payload: Record<string, unknown> }).payload;
  }

  async function verifiedFaces(userId: string): Promise<number> {
    const rows: { n: string }[] = await data.query(
      'SELECT COUNT(*) AS n FROM verified_face_references WHERE user_id = ?',
      [userId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  const candidate = randomUUID();

  it("should not let a stand-in's template pass an exam-start check after the real name was verified with a face", async () => {
    // The stand-in enrols first, while nothing binds the account's face yet.
    expect((await enrol(candidate, 'sheldon/sheldon1.png')).status).toBe(201);

    await verify(candidate, '李四', BERNADETTE);

    expect(await completedEventOf(candidate)).toMatchObject({ result: 'match', faceVerified: true });
    const records: { face_verified: number }[] = await data.query(
      'SELECT face_verified FROM real_name_records WHERE user_id = ?',
      [candidate],
    );
    expect(records).toEqual([{ face_verified: 1 }]);
    expect(await verifiedFaces(candidate)).toBe(1);
    const standIn = await examStartCheck(candidate, SHELDON);
    expect(standIn).toMatchObject({ decision: { outcome: 'face_mismatch', passed: false }, token: null });
    const person = await examStartCheck(candidate, BERNADETTE_AT_EXAM);
    expect(person.decision).toMatchObject({ outcome: 'passed', passed: true });
    expect(typeof person.token).toBe('string');
  });

  it("should hold re-enrolment to the verified person's face", async () => {
    expect((await call('delete', '/face/enrolment', candidate)).status).toBe(204);

    const other = await enrol(candidate, 'sheldon/sheldon1.png');
    const same = await enrol(candidate, 'bernadette/bernadette5.png');

    expect(other).toMatchObject({ status: 403, body: { code: 'FACE.NOT_VERIFIED_PERSON' } });
    expect(same.status).toBe(201);
    const standIn = await examStartCheck(candidate, SHELDON);
    expect(standIn).toMatchObject({ decision: { outcome: 'face_mismatch' }, token: null });
  });

  it('should refuse exam-start face checks to an account verified by name and number only, and say so in the event', async () => {
    const nameOnly = randomUUID();
    await verify(nameOnly, '张三');
    expect((await enrol(nameOnly, 'sheldon/sheldon1.png')).status).toBe(201);

    const asked = await call('post', '/face/challenges', nameOnly, { purpose: 'exam_start', examId: exam });
    const stepUp = await call('post', '/face/challenges', nameOnly, { purpose: 'step_up' });

    expect(await completedEventOf(nameOnly)).toMatchObject({ result: 'match', faceVerified: false });
    expect(asked).toMatchObject({ status: 403, body: { code: 'FACE.REAL_NAME_FACE_REQUIRED' } });
    expect(stepUp.status).toBe(201);
    expect(await verifiedFaces(nameOnly)).toBe(0);
  });

  it("should forget the verified face with the account's real-name data", async () => {
    await bed.publish(
      testEnvelope(Topics.ErasureRequested, candidate, {
        userId: candidate,
        requestId: randomUUID(),
        deadline: new Date(Date.now() + 15 * 86_400_000).toISOString(),
      }),
    );

    await expectEventually(async () => {
      expect(await verifiedFaces(candidate)).toBe(0);
    });
  });
  describe('the face step for an account verified by name and number only', () => {
    const late = randomUUID();

    async function faceStep(userId: string, pictures: Record<HeadMovement, string>) {
      const asked = await call('post', '/real-name/face-challenges', userId, {
        consent: true,
        consentPolicyVersion: '2026-11',
      });
      expect(asked.status).toBe(201);
      const challenge = asked.body as unknown as Challenge;
      return call('post', '/real-name/face-verifications', userId, {
        challengeId: challenge.challengeId,
        nonce: challenge.nonce,
        frames: frames(challenge, pictures),
        frameTimesMs: FRAME_TIMES_MS,
      });
    }

    async function faceVerified(userId: string): Promise<number[]> {
      const rows = await data.query<{ face_verified: number }[]>(
        'SELECT face_verified FROM real_name_records WHERE user_id = ?',
        [userId],
      );
      return rows.map((row) => row.face_verified);
    }

    it('should refuse the face step before any real-name verification', async () => {
      const response = await faceStep(randomUUID(), BERNADETTE);
      expect(response).toMatchObject({ status: 404, body: { code: 'IDENTITY.REAL_NAME_NOT_VERIFIED' } });
    });

    it("should not make a stand-in's face the verified face", async () => {
      // The erasure above freed 李四's ID number.
      await expectEventually(async () => {
        expect(await faceVerified(candidate)).toEqual([]);
      });
      await verify(late, '李四');
      expect(await faceVerified(late)).toEqual([0]);

      const standIn = await faceStep(late, SHELDON);

      expect(standIn).toMatchObject({ status: 200, body: { result: 'face_mismatch', verified: false } });
      expect(await faceVerified(late)).toEqual([0]);
      expect(await verifiedFaces(late)).toBe(0);
    });

    it("should make the person's own live face the verified face, then open exam-start checks", async () => {
      const own = await faceStep(late, BERNADETTE);

      expect(own).toMatchObject({ status: 200, body: { result: 'match', verified: true } });
      expect(await faceVerified(late)).toEqual([1]);
      expect(await verifiedFaces(late)).toBe(1);
      await expectEventually(() => {
        const events = completed
          .filter((m) => m.value?.includes(late) === true)
          .map((m) => (JSON.parse(m.value ?? '{}') as { payload: Record<string, unknown> }).payload);
        expect(events).toEqual(
          expect.arrayContaining([expect.objectContaining({ result: 'match', faceVerified: true })]),
        );
      });
      const person = await examStartCheck(late, BERNADETTE_AT_EXAM);
      expect(person.decision).toMatchObject({ outcome: 'passed', passed: true });
      const standIn = await examStartCheck(late, SHELDON);
      expect(standIn).toMatchObject({ decision: { outcome: 'face_mismatch' }, token: null });
    });

    it("should refuse a face step that sends the account's enrolment image or an earlier check's frames again", async () => {
      const replayer = randomUUID();
      await verify(replayer, '王大明');
      expect((await enrol(replayer, 'sheldon/sheldon1.png')).status).toBe(201);
      const enrolmentImage = await faceStep(replayer, SHELDON);
      // A passed step-up check: its frames are remembered as the account's capture fingerprints.
      const asked = await call('post', '/face/challenges', replayer, { purpose: 'step_up' });
      const challenge = asked.body as unknown as Challenge;
      const check = await call('post', '/face/checks', replayer, {
        challengeId: challenge.challengeId,
        nonce: challenge.nonce,
        frames: frames(challenge, SHELDON_STEP_UP),
        frameTimesMs: FRAME_TIMES_MS,
      });
      expect(check.body.decision).toMatchObject({ outcome: 'passed' });

      const earlierFrames = await faceStep(replayer, SHELDON_STEP_UP);

      expect(earlierFrames).toMatchObject({
        status: 200,
        body: {
          result: 'liveness_failed',
          verified: false,
          livenessReason: expect.stringContaining('a frame of an earlier face check sent again') as string,
        },
      });
      expect(enrolmentImage).toMatchObject({
        status: 200,
        body: {
          result: 'liveness_failed',
          verified: false,
          livenessReason: expect.stringContaining('the enrolment image sent again') as string,
        },
      });
      expect(await faceVerified(replayer)).toEqual([0]);
      expect(await verifiedFaces(replayer)).toBe(0);
    });

    it('should answer a second face step with 409: nothing more is needed', async () => {
      const again = await faceStep(late, BERNADETTE);
      expect(again).toMatchObject({ status: 409, body: { code: 'IDENTITY.ALREADY_FACE_VERIFIED' } });
    });
  });
});
