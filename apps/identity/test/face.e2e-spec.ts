import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { findSensitiveNumbers } from '@exam/crypto';
import {
  type FaceCheckExpectation,
  FaceCheckTokenRejectedError,
  FaceCheckTokenVerifier,
  generateFaceCheckKeyPair,
  parseFaceCheckPublicKeys,
} from '@exam/platform/face-check';
import { expectEventually, requireTestData, ServiceTestBed, testEnvelope } from '@exam/testing';
import { PNG } from 'pngjs';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import { IdentityEnv } from '../src/config/identity.env';
import type { HeadMovement } from '../src/face/face-liveness';
import { FaceTemplateEntity } from '../src/face/face-template.entity';
import { VerifiedFaceReferenceEntity } from '../src/face/verified-face-reference.entity';
import { FaceTestModule } from './support/face-test-module';
import { bearer, faceImage, FACES_DIR, FRAME_TIMES_MS } from './support/factories';
import { jpegBomb, pngBomb } from './support/image-bombs';
import { mirrored } from './support/still-attacks';

const FACES = FACES_DIR;
const haveFaces = requireTestData(FACES, 'the labelled test faces (kept outside the repository)');

const face = faceImage;
const b64 = (image: Buffer): string => image.toString('base64');

/** Box-filter downscale: the same face, too few pixels. */
function downscaled(image: Buffer, factor: number): Buffer {
  const source = PNG.sync.read(image);
  const target = new PNG({
    width: Math.floor(source.width / factor),
    height: Math.floor(source.height / factor),
  });
  for (let y = 0; y < target.height; y += 1) {
    for (let x = 0; x < target.width; x += 1) {
      for (let c = 0; c < 4; c += 1) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy += 1) {
          for (let dx = 0; dx < factor; dx += 1)
            sum += source.data[((y * factor + dy) * source.width + x * factor + dx) * 4 + c];
        }
        target.data[(y * target.width + x) * 4 + c] = Math.round(sum / (factor * factor));
      }
    }
  }
  return PNG.sync.write(target);
}

/** The same picture with different bytes (one pixel's lowest bit flipped), as a re-encoded photo would be. */
function reencoded(image: Buffer, pixel: number): Buffer {
  const png = PNG.sync.read(image);
  png.data[pixel * 4] = png.data[pixel * 4] ^ 1;
  return PNG.sync.write(png);
}

function grey(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  png.data.fill(128);
  return PNG.sync.write(png);
}

interface Challenge {
  challengeId: string;
  nonce: string;
  steps: HeadMovement[];
}

interface CheckBody {
  decision: {
    verificationId: string;
    outcome: string;
    passed: boolean;
    distance: number | null;
    threshold: number;
    modelVersion: string;
    reason: string;
  };
  faceCheckToken: string | null;
  appeal: string | null;
}

(haveFaces ? describe : describe.skip)('identity face enrolment, liveness and face checks (e2e)', () => {
  const keys = generateFaceCheckKeyPair('fc-e2e');
  const verifier = new FaceCheckTokenVerifier({ publicKeys: parseFaceCheckPublicKeys(keys.publicKeys) });
  const alice = randomUUID();
  const exam = randomUUID();
  let bed: ServiceTestBed<IdentityEnv>;
  let data: DataSource;
  const bodies: string[] = [];

  beforeAll(async () => {
    bed = await ServiceTestBed.start({
      service: 'identity',
      envClass: IdentityEnv,
      module: (env) => FaceTestModule.register(env),
      topics: [Topics.ConsentChanged, Topics.FaceEnrolmentChanged],
      overrides: {
        FACE_CHECK_KEY_ID: keys.keyId,
        FACE_CHECK_PRIVATE_KEY: keys.privateKey,
        FACE_WORKERS: '1',
      },
    });
    data = bed.dataSource;
  });

  afterAll(async () => {
    await bed.close();
  });

  afterEach(() => {
    for (const body of bodies) expect(findSensitiveNumbers(body, new Date())).toEqual([]);
    bodies.length = 0;
  });

  async function call(
    method: 'post' | 'get' | 'delete' | 'patch',
    path: string,
    userId: string | null,
    body?: object,
    roles?: ('candidate' | 'security_analyst')[],
  ) {
    let req = request(bed.url)[method](`/api/identity/face${path}`);
    if (userId !== null) req = req.set('authorization', bearer({ userId, ...(roles ? { roles } : {}) }));
    const response = body === undefined ? await req : await req.send(body);
    bodies.push(response.text);
    return response;
  }

  const enrol = (userId: string, image: Buffer, consent = true) =>
    call('post', '/enrolment', userId, { image: b64(image), consent, consentPolicyVersion: '2026-11' });

  async function challenge(userId: string, purpose: string, examId?: string): Promise<Challenge> {
    const response = await call('post', '/challenges', userId, { purpose, ...(examId ? { examId } : {}) });
    expect(response.status).toBe(201);
    return response.body as Challenge;
  }

  /** Answers each step with the picture given for it, taken at `frameTimesMs` after the challenge. */
  async function answer(
    userId: string,
    asked: Challenge,
    frames: Record<HeadMovement, Buffer>,
    frameTimesMs: readonly number[] = FRAME_TIMES_MS,
  ) {
    return call('post', '/checks', userId, {
      challengeId: asked.challengeId,
      nonce: asked.nonce,
      frames: asked.steps.map((s) => b64(frames[s])),
      frameTimesMs,
    });
  }

  // Yaw of these pictures (scripts/face-eval.ts): bernadette2 +0.20, bernadette4 -0.12, bernadette3 +0.05.
  const bernadetteMoves: Record<HeadMovement, Buffer> = haveFaces
    ? {
        turn_left: face('bernadette/bernadette2.png'),
        turn_right: face('bernadette/bernadette4.png'),
        look_straight: face('bernadette/bernadette3.png'),
      }
    : ({} as Record<HeadMovement, Buffer>);

  it('should refuse enrolment without face-biometrics consent', async () => {
    const response = await enrol(alice, face('bernadette/bernadette1.png'), false);

    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'FACE.CONSENT_REQUIRED' });
  });

  it('should reject a group photo, a face too small, a picture without a face and a non-image with 422', async () => {
    const group = await enrol(alice, face('_group/bbt1.jpg'));
    const tiny = await enrol(alice, downscaled(face('bernadette/bernadette1.png'), 2));
    const none = await enrol(alice, grey(300));
    const garbage = await enrol(alice, Buffer.from('this is not an image at all'));

    expect([group.status, tiny.status, none.status, garbage.status]).toEqual([422, 422, 422, 422]);
    expect(group.body).toMatchObject({ code: 'FACE.MULTIPLE', details: [{ field: 'image' }] });
    expect(tiny.body).toMatchObject({ code: 'FACE.TOO_SMALL' });
    expect(none.body).toMatchObject({ code: 'FACE.NOT_FOUND' });
    expect(garbage.body).toMatchObject({ code: 'FACE.IMAGE_INVALID' });
  });

  it('should answer 400 naming the field for a malformed enrolment and 401 without a token', async () => {
    const malformed = await call('post', '/enrolment', alice, {
      image: '***',
      consent: 'yes',
      consentPolicyVersion: '2026-11',
    });
    const anonymous = await call('post', '/enrolment', null, {
      image: 'aGk=',
      consent: true,
      consentPolicyVersion: '2026-11',
    });

    expect(malformed.status).toBe(400);
    expect((malformed.body as { details: { field: string }[] }).details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['image', 'consent']),
    );
    expect(anonymous.status).toBe(401);
  });

  it('should enrol one face, keep only the encrypted descriptor and refuse a second enrolment', async () => {
    const response = await enrol(alice, face('bernadette/bernadette1.png'));
    const again = await enrol(alice, face('bernadette/bernadette1.png'));

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      enrolled: true,
      modelVersion: expect.stringContaining('face-api') as string,
      rawImageKept: false,
      rawImageExpiresAt: null,
    });
    expect(again.body).toMatchObject({ statusCode: 409, code: 'FACE.ALREADY_ENROLLED' });
    const rows: { descriptor: string }[] = await data.query(
      'SELECT descriptor FROM face_templates WHERE user_id = ?',
      [alice],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].descriptor).toMatch(/^ef[0-9]+:/);
  });

  it('should require an exam id for an exam-start or periodic proctoring challenge', async () => {
    for (const purpose of ['exam_start', 'exam_proctor']) {
      const response = await call('post', '/challenges', alice, { purpose });

      expect(response.body).toMatchObject({ statusCode: 400, code: 'FACE.EXAM_ID_REQUIRED' });
    }
  });

  it('should pass the same person through liveness and issue a token the offline verifier accepts for that exam only', async () => {
    // Exam-start checks also compare with the face verified with the real name (#12 item 3): here, alice's own.
    const template = await data.getRepository(FaceTemplateEntity).findOneByOrFail({ userId: alice });
    await data.getRepository(VerifiedFaceReferenceEntity).save(
      Object.assign(new VerifiedFaceReferenceEntity(), {
        userId: alice,
        descriptor: template.descriptor,
        modelVersion: template.modelVersion,
        attemptId: randomUUID(),
        verifiedAt: new Date(),
      }),
    );
    const asked = await challenge(alice, 'exam_start', exam);
    expect([...asked.steps].sort()).toEqual(['look_straight', 'turn_left', 'turn_right']);

    const response = await answer(alice, asked, bernadetteMoves);

    expect(response.status).toBe(200);
    const body = response.body as CheckBody;
    expect(body.decision).toMatchObject({ outcome: 'passed', passed: true, threshold: 0.55 });
    expect(body.decision.distance).toBeLessThanOrEqual(0.55);
    const token = body.faceCheckToken!;
    expect(verifier.verify(token, { purpose: 'exam_start', examId: exam, userId: alice })).toMatchObject({
      sub: alice,
      verificationId: body.decision.verificationId,
    });
    const refusal = (expectation: FaceCheckExpectation, value = token): string => {
      try {
        verifier.verify(value, expectation);
        return 'accepted';
      } catch (error) {
        return error instanceof FaceCheckTokenRejectedError ? error.code : String(error);
      }
    };
    expect(refusal({ purpose: 'exam_start', examId: randomUUID() })).toBe('FACE_CHECK.WRONG_EXAM');
    expect(refusal({ purpose: 'step_up' })).toBe('FACE_CHECK.WRONG_PURPOSE');
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as object;
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: randomUUID() })).toString('base64url');
    expect(refusal({ purpose: 'exam_start', examId: exam }, `${h}.${forged}.${s}`)).toBe(
      'FACE_CHECK.BAD_SIGNATURE',
    );
    const later = new FaceCheckTokenVerifier({
      publicKeys: parseFaceCheckPublicKeys(keys.publicKeys),
      clock: { nowMs: () => Date.now() + 3_600_000 },
    });
    expect(() => later.verify(token, { purpose: 'exam_start', examId: exam })).toThrow('expired');
    const stored: { outcome: string; threshold: number; model_version: string }[] = await data.query(
      'SELECT outcome, threshold, model_version FROM face_verifications WHERE id = ?',
      [body.decision.verificationId],
    );
    expect(stored[0]).toMatchObject({
      outcome: 'passed',
      threshold: 0.55,
      model_version: body.decision.modelVersion,
    });
  });

  it('should issue a periodic proctoring token bound to the exam that no exam start accepts', async () => {
    // A candidate of its own: frames of an earlier passed check of the same user count as a replay.
    const dora = randomUUID();
    expect((await enrol(dora, face('bernadette/bernadette1.png'))).status).toBe(201);
    // Like exam_start, a periodic check needs the face verified with the real name.
    expect(
      (await call('post', '/challenges', dora, { purpose: 'exam_proctor', examId: exam })).body,
    ).toMatchObject({ code: 'FACE.REAL_NAME_FACE_REQUIRED' });
    const template = await data.getRepository(FaceTemplateEntity).findOneByOrFail({ userId: dora });
    await data.getRepository(VerifiedFaceReferenceEntity).save(
      Object.assign(new VerifiedFaceReferenceEntity(), {
        userId: dora,
        descriptor: template.descriptor,
        modelVersion: template.modelVersion,
        attemptId: randomUUID(),
        verifiedAt: new Date(),
      }),
    );

    const asked = await challenge(dora, 'exam_proctor', exam);
    expect(asked).toMatchObject({ purpose: 'exam_proctor', examId: exam });

    const response = await answer(dora, asked, bernadetteMoves);

    expect(response.status).toBe(200);
    const token = (response.body as CheckBody).faceCheckToken!;
    expect(verifier.verify(token, { purpose: 'exam_proctor', examId: exam, userId: dora })).toMatchObject({
      purpose: 'exam_proctor',
      examId: exam,
      sub: dora,
    });
    expect(() => verifier.verify(token, { purpose: 'exam_start', examId: exam })).toThrow(
      FaceCheckTokenRejectedError,
    );
    expect(() => verifier.verify(token, { purpose: 'exam_proctor', examId: randomUUID() })).toThrow(
      FaceCheckTokenRejectedError,
    );
  });

  it('should refuse to answer a challenge twice', async () => {
    const asked = await challenge(alice, 'step_up');
    await data.query('UPDATE face_challenges SET used_at = NOW(3) WHERE id = ?', [asked.challengeId]);

    const response = await answer(alice, asked, bernadetteMoves);

    expect(response.body).toMatchObject({ statusCode: 410, code: 'FACE.CHALLENGE_EXPIRED' });
  });

  it('should refuse an expired challenge, a wrong nonce and another user answering', async () => {
    const expired = await challenge(alice, 'step_up');
    await data.query('UPDATE face_challenges SET expires_at = NOW(3) - INTERVAL 1 SECOND WHERE id = ?', [
      expired.challengeId,
    ]);
    const fresh = await challenge(alice, 'step_up');

    const late = await answer(alice, expired, bernadetteMoves);
    const wrongNonce = await answer(alice, { ...fresh, nonce: 'x'.repeat(43) }, bernadetteMoves);
    const stranger = await answer(randomUUID(), fresh, bernadetteMoves);

    expect(late.body).toMatchObject({ statusCode: 410, code: 'FACE.CHALLENGE_EXPIRED' });
    expect(wrongNonce.body).toMatchObject({ statusCode: 400, code: 'FACE.CHALLENGE_MISMATCH' });
    expect(stranger.body).toMatchObject({ statusCode: 404, code: 'FACE.CHALLENGE_NOT_FOUND' });
  });

  it('should fail frames that are not one timed capture session, and refuse an answer without capture times', async () => {
    // Her own user: these failures count against her day, not against alice's.
    const timed = randomUUID();
    expect((await enrol(timed, face('bernadette/bernadette1.png'))).status).toBe(201);
    const future = await challenge(timed, 'step_up');
    const slow = await challenge(timed, 'step_up');
    const untimed = await challenge(timed, 'step_up');

    // Taken a minute after a challenge issued a moment ago; taken out of order.
    const fromTheFuture = await answer(timed, future, bernadetteMoves, [300, 900, 60_000]);
    const outOfOrder = await answer(timed, slow, bernadetteMoves, [900, 300, 1_500]);
    const noTimes = await call('post', '/checks', timed, {
      challengeId: untimed.challengeId,
      nonce: untimed.nonce,
      frames: untimed.steps.map((s) => b64(bernadetteMoves[s])),
    });

    expect(fromTheFuture.status).toBe(200);
    expect((fromTheFuture.body as CheckBody).decision).toMatchObject({
      outcome: 'liveness_failed',
      passed: false,
      reason: expect.stringContaining('claims to be taken 60000 ms after the challenge') as string,
    });
    expect((outOfOrder.body as CheckBody).decision).toMatchObject({
      outcome: 'liveness_failed',
      reason: expect.stringContaining('take them in the order asked') as string,
    });
    expect(noTimes.status).toBe(400);
    expect(JSON.stringify(noTimes.body)).toContain('frameTimesMs');
  });

  it('should fail a different person who performs the liveness moves correctly', async () => {
    const asked = await challenge(alice, 'step_up');
    // sheldon4 +0.17, sheldon3 -0.18, sheldon1 -0.02: a live person, but not the enrolled one.
    const sheldon = {
      turn_left: face('sheldon/sheldon4.png'),
      turn_right: face('sheldon/sheldon3.png'),
      look_straight: face('sheldon/sheldon1.png'),
    };

    const response = await answer(alice, asked, sheldon);

    const body = response.body as CheckBody;
    expect(response.status).toBe(200);
    expect(body.decision).toMatchObject({ outcome: 'face_mismatch', passed: false });
    expect(body.decision.distance).toBeGreaterThan(0.55);
    expect(body.faceCheckToken).toBeNull();
    expect(body.appeal).toContain(body.decision.verificationId);
  });

  it('should fail liveness for a static photo repeated, as identical bytes or re-encoded', async () => {
    const still = face('bernadette/bernadette3.png');
    const identical = await answer(alice, await challenge(alice, 'step_up'), {
      turn_left: still,
      turn_right: still,
      look_straight: still,
    });
    const copies = await answer(alice, await challenge(alice, 'step_up'), {
      turn_left: reencoded(still, 1),
      turn_right: reencoded(still, 2),
      look_straight: still,
    });

    expect((identical.body as CheckBody).decision).toMatchObject({
      outcome: 'liveness_failed',
      passed: false,
    });
    expect((identical.body as CheckBody).decision.reason).toContain('still image');
    expect((copies.body as CheckBody).decision).toMatchObject({ outcome: 'liveness_failed', passed: false });
    expect((copies.body as CheckBody).decision.reason).toMatch(/does not show turn_(left|right)/);
  });

  describe('replayed captures, mirrored stills and image bombs', () => {
    const carol = randomUUID();
    const turns = { turn_left: bernadetteMoves.turn_left, turn_right: bernadetteMoves.turn_right };

    beforeAll(async () => {
      expect((await enrol(carol, face('bernadette/bernadette1.png'))).status).toBe(201);
    });

    it('should refuse the enrolment image sent again as a live frame, even re-encoded', async () => {
      const response = await answer(carol, await challenge(carol, 'step_up'), {
        ...turns,
        look_straight: reencoded(face('bernadette/bernadette1.png'), 5),
      });

      expect((response.body as CheckBody).decision).toMatchObject({
        outcome: 'liveness_failed',
        passed: false,
      });
      expect((response.body as CheckBody).decision.reason).toContain('the enrolment image sent again');
      expect((response.body as CheckBody).faceCheckToken).toBeNull();
    });

    it('should refuse the frames of an earlier passed check sent again, even re-encoded', async () => {
      const first = await answer(carol, await challenge(carol, 'step_up'), bernadetteMoves);
      expect((first.body as CheckBody).decision).toMatchObject({ outcome: 'passed' });

      const replayed = await answer(carol, await challenge(carol, 'step_up'), {
        ...bernadetteMoves,
        turn_left: reencoded(bernadetteMoves.turn_left, 7),
      });

      expect((replayed.body as CheckBody).decision).toMatchObject({
        outcome: 'liveness_failed',
        passed: false,
      });
      expect((replayed.body as CheckBody).decision.reason).toContain(
        'a frame of an earlier face check sent again',
      );
      const kept: { n: string | number }[] = await data.query(
        'SELECT COUNT(*) AS n FROM face_capture_fingerprints WHERE user_id = ?',
        [carol],
      );
      expect(Number(kept[0].n)).toBe(3);
    });

    it('should refuse a turned still answered for the other side with its mirror image', async () => {
      const dave = randomUUID();
      expect((await enrol(dave, face('bernadette/bernadette5.png'))).status).toBe(201);
      const still = face('bernadette/bernadette2.png');

      const response = await answer(dave, await challenge(dave, 'step_up'), {
        turn_left: still,
        turn_right: mirrored(still),
        look_straight: bernadetteMoves.look_straight,
      });

      expect((response.body as CheckBody).decision).toMatchObject({
        outcome: 'liveness_failed',
        passed: false,
      });
      expect((response.body as CheckBody).decision.reason).toContain('mirrored in 2-D');
    });

    it('should refuse a small file declaring a huge image with 422 naming the limit, and count it as a failed check', async () => {
      const enrolBomb = await enrol(randomUUID(), pngBomb(100_000, 100_000));
      const checkBomb = await answer(carol, await challenge(carol, 'password_recovery'), {
        ...bernadetteMoves,
        turn_left: jpegBomb(60_000, 60_000),
      });

      expect(enrolBomb.body).toMatchObject({ statusCode: 422, code: 'FACE.IMAGE_TOO_LARGE' });
      expect((enrolBomb.body as { message: string }).message).toContain('2048 px per side');
      expect(checkBomb.body).toMatchObject({ statusCode: 422, code: 'FACE.IMAGE_TOO_LARGE' });
      const counted: { outcome: string; reason: string }[] = await data.query(
        "SELECT outcome, reason FROM face_verifications WHERE user_id = ? AND purpose = 'password_recovery'",
        [carol],
      );
      expect(counted).toEqual([
        { outcome: 'liveness_failed', reason: expect.stringContaining('unusable') as string },
      ]);
    });
  });

  it('should let the user ask for a human review of a failed check, visible to security staff only', async () => {
    const frontal = face('bernadette/bernadette1.png');
    const failed = (
      await answer(alice, await challenge(alice, 'password_recovery'), {
        turn_left: frontal,
        turn_right: frontal,
        look_straight: frontal,
      })
    ).body as CheckBody;

    const review = await call('post', '/reviews', alice, {
      verificationId: failed.decision.verificationId,
      reason: 'I was turning my head, please check',
    });
    const twice = await call('post', '/reviews', alice, {
      verificationId: failed.decision.verificationId,
      reason: 'again',
    });
    const asCandidate = await call('get', '/reviews', alice);
    const asAnalyst = await call('get', '/reviews', randomUUID(), undefined, ['security_analyst']);

    expect(review.status).toBe(201);
    expect(review.body).toMatchObject({
      status: 'open',
      decision: { outcome: 'liveness_failed', threshold: 0.55 },
    });
    expect(twice.body).toMatchObject({ statusCode: 409, code: 'FACE.REVIEW_NOT_APPLICABLE' });
    expect(asCandidate.body).toMatchObject({ statusCode: 403, code: 'AUTH.ROLE_REQUIRED' });
    expect(asAnalyst.status).toBe(200);
    expect(
      (asAnalyst.body as { decision: { verificationId: string } }[]).map((r) => r.decision.verificationId),
    ).toContain(failed.decision.verificationId);
  });

  it('should lock one purpose for the day after five failures while other purposes stay open', async () => {
    const still = face('bernadette/bernadette3.png');
    for (let i = 0; i < 5; i += 1) {
      const response = await answer(alice, await challenge(alice, 'face_login'), {
        turn_left: still,
        turn_right: still,
        look_straight: still,
      });
      expect((response.body as CheckBody).decision.outcome).toBe('liveness_failed');
    }

    const locked = await call('post', '/challenges', alice, { purpose: 'face_login' });
    const other = await call('post', '/challenges', alice, { purpose: 'exam_start', examId: exam });

    expect(locked.body).toMatchObject({ statusCode: 429, code: 'FACE.ATTEMPTS_EXHAUSTED' });
    expect((locked.body as { message: string }).message).toContain('human review');
    expect(other.status).toBe(201);
  });

  it('should let security staff overturn a reviewed failure, which unlocks the purpose and shows in the explanation', async () => {
    const rows: { id: string }[] = await data.query(
      "SELECT id FROM face_verifications WHERE user_id = ? AND purpose = 'face_login' ORDER BY created_at LIMIT 1",
      [alice],
    );
    const verificationId = rows[0].id;
    const review = (await call('post', '/reviews', alice, { verificationId, reason: 'I did turn my head' }))
      .body as {
      reviewId: string;
    };
    const analyst = randomUUID();
    const staff: ('security_analyst' | 'candidate')[] = ['security_analyst'];

    const byCandidate = await call('patch', `/reviews/${review.reviewId}`, alice, {
      verdict: 'overturned',
      note: 'mine',
    });
    const badId = await call(
      'patch',
      '/reviews/not-a-uuid',
      analyst,
      { verdict: 'upheld', note: 'x' },
      staff,
    );
    const badBody = await call(
      'patch',
      `/reviews/${review.reviewId}`,
      analyst,
      { verdict: 'maybe', note: '' },
      staff,
    );
    const resolved = await call(
      'patch',
      `/reviews/${review.reviewId}`,
      analyst,
      { verdict: 'overturned', note: 'head turn visible on video' },
      staff,
    );
    const again = await call(
      'patch',
      `/reviews/${review.reviewId}`,
      analyst,
      { verdict: 'upheld', note: 'changed my mind' },
      staff,
    );
    const explanation = await call('get', `/checks/${verificationId}`, alice);
    const strangers = await call('get', `/checks/${verificationId}`, randomUUID());
    const unlocked = await call('post', '/challenges', alice, { purpose: 'face_login' });

    expect(byCandidate.body).toMatchObject({ statusCode: 403 });
    expect(badId.body).toMatchObject({ statusCode: 400, details: [{ field: 'reviewId' }] });
    expect(badBody.status).toBe(400);
    expect((badBody.body as { details: { field: string }[] }).details.map((d) => d.field).sort()).toEqual([
      'note',
      'verdict',
    ]);
    expect(resolved.body).toMatchObject({
      status: 'overturned',
      reviewNote: 'head turn visible on video',
      decision: { overturned: true },
    });
    expect(again.body).toMatchObject({ statusCode: 409, code: 'FACE.REVIEW_CLOSED' });
    expect(explanation.body).toMatchObject({
      verificationId,
      outcome: 'liveness_failed',
      threshold: 0.55,
      overturned: true,
    });
    expect(strangers.body).toMatchObject({ statusCode: 404, code: 'FACE.VERIFICATION_NOT_FOUND' });
    expect(unlocked.status).toBe(201);
  });

  it('should follow face-biometrics consent events: a withdrawal erases the template, stale and other-purpose events change nothing', async () => {
    const bob = randomUUID();
    expect((await enrol(bob, face('howard/howard1.png'))).status).toBe(201);
    const consentEvent = (
      granted: boolean,
      changedAt: Date,
      purpose: 'face_biometrics' | 'marketing' = 'face_biometrics',
    ) =>
      testEnvelope(Topics.ConsentChanged, bob, {
        userId: bob,
        purpose,
        granted,
        policyVersion: '2026-12',
        changedAt: changedAt.toISOString(),
      });
    const publish = async (...events: ReturnType<typeof consentEvent>[]): Promise<void> => {
      await bed.publish(...events);
    };
    const processed = (id: string) =>
      expectEventually(
        async () => {
          const rows: unknown[] = await data.query('SELECT event_id FROM inbox_events WHERE event_id = ?', [
            id,
          ]);
          expect(rows).toHaveLength(1);
        },
        { timeoutMs: 60_000 },
      );

    const withdrawal = consentEvent(false, new Date());
    await publish(withdrawal, withdrawal);
    await processed(withdrawal.id);
    const stale = consentEvent(true, new Date(Date.now() - 3_600_000));
    const otherPurpose = consentEvent(true, new Date(Date.now() + 1000), 'marketing');
    await publish(stale, otherPurpose);
    await processed(otherPurpose.id);

    expect(await data.query('SELECT user_id FROM face_templates WHERE user_id = ?', [bob])).toEqual([]);
    const consent: { withdrawn_at: Date | null }[] = await data.query(
      'SELECT withdrawn_at FROM face_consents WHERE user_id = ?',
      [bob],
    );
    expect(consent[0]?.withdrawn_at).not.toBeNull();
    expect((await call('post', '/challenges', bob, { purpose: 'step_up' })).body).toMatchObject({
      statusCode: 403,
      code: 'FACE.CONSENT_REQUIRED',
    });
    const grant = consentEvent(true, new Date(Date.now() + 2000));
    await publish(grant);
    await processed(grant.id);
    expect((await call('post', '/challenges', bob, { purpose: 'step_up' })).body).toMatchObject({
      statusCode: 404,
      code: 'FACE.NOT_ENROLLED',
    });
  });

  it('should stop face checks and erase the template when consent is withdrawn', async () => {
    const withdrawn = await call('delete', '/enrolment', alice);
    const after = await call('post', '/challenges', alice, { purpose: 'step_up' });

    expect(withdrawn.status).toBe(204);
    expect(after.body).toMatchObject({ statusCode: 403, code: 'FACE.CONSENT_REQUIRED' });
    expect(await data.query('SELECT user_id FROM face_templates WHERE user_id = ?', [alice])).toEqual([]);
  });
});
