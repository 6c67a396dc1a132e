import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { ServiceTestBed } from '@exam/testing';
import type { FastifyInstance } from 'fastify';
import { PNG } from 'pngjs';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import { buildAuthorityServer, LIVENESS_CHECK_PATH } from '../../authority-sim/src/authority-server';
import { loadAuthoritySimEnv } from '../../authority-sim/src/config/authority-sim.env';
import { IdentityEnv } from '../src/config/identity.env';
import type { HeadMovement } from '../src/face/face-liveness';
import { describeWithFaces, FaceTestModule } from './support/face-test-module';
import { bearer, faceImage, FRAME_TIMES_MS } from './support/factories';

const SECRET = 'e2e-liveness-provider-secret-0123456789ab';

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

/** The same picture with different bytes (one pixel's lowest bit flipped): passes the byte-level still check. */
function reencoded(image: Buffer, pixel: number): Buffer {
  const png = PNG.sync.read(image);
  png.data[pixel * 4] = png.data[pixel * 4] ^ 1;
  return PNG.sync.write(png);
}

// Yaws (scripts/face-eval.ts): bernadette2 +0.20, bernadette4 -0.12, bernadette3 +0.05.
const MOVES = (): Record<HeadMovement, Buffer> => ({
  turn_left: faceImage('bernadette/bernadette2.png'),
  turn_right: faceImage('bernadette/bernadette4.png'),
  look_straight: faceImage('bernadette/bernadette3.png'),
});

describeWithFaces()('identity decides liveness through the vendor liveness service (e2e, #12 item 0)', () => {
  let bed: ServiceTestBed<IdentityEnv>;
  let sim: FastifyInstance;
  let data: DataSource;
  const vendorCalls: { url: string; status: number }[] = [];

  beforeAll(async () => {
    sim = buildAuthorityServer(
      loadAuthoritySimEnv({
        AUTHORITY_HMAC_SECRET: SECRET,
        AUTHORITY_GENERATED_PERSONS: '0',
        LOG_LEVEL: 'error',
      }),
    );
    sim.addHook('onResponse', async (req, reply) => {
      vendorCalls.push({ url: req.url, status: reply.statusCode });
    });
    const simUrl = await sim.listen({ port: 0, host: '127.0.0.1' });
    bed = await ServiceTestBed.start({
      service: 'identity',
      envClass: IdentityEnv,
      module: (env) => FaceTestModule.register(env),
      topics: [Topics.ConsentChanged, Topics.FaceEnrolmentChanged],
      overrides: {
        AUTHORITY_URL: simUrl,
        AUTHORITY_HMAC_SECRET: SECRET,
        LIVENESS_PROVIDER: 'authority',
        LIVENESS_TIMEOUT_SECONDS: '3',
        FACE_WORKERS: '1',
      },
    });
    data = bed.dataSource;
  });

  afterAll(async () => {
    await bed.close();
    await sim.close();
  });

  beforeEach(() => {
    vendorCalls.length = 0;
  });

  async function call(path: string, userId: string, body: object) {
    const response = await request(bed.url)
      .post(`/api/identity/face${path}`)
      .set('authorization', bearer({ userId }))
      .send(body);
    return { status: response.status, body: response.body as Record<string, unknown> };
  }

  async function enrolled(): Promise<string> {
    const userId = randomUUID();
    const response = await call('/enrolment', userId, {
      image: faceImage('bernadette/bernadette1.png').toString('base64'),
      consent: true,
      consentPolicyVersion: '2026-11',
    });
    expect(response.status).toBe(201);
    return userId;
  }

  /** One step-up check: `frameFor` picks the picture sent for each step asked. */
  async function check(userId: string, frameFor: (step: HeadMovement, index: number) => Buffer) {
    const asked = await call('/challenges', userId, { purpose: 'step_up' });
    expect(asked.status).toBe(201);
    const challenge = asked.body as unknown as Challenge;
    const answer = await call('/checks', userId, {
      challengeId: challenge.challengeId,
      nonce: challenge.nonce,
      frames: challenge.steps.map((step, index) => frameFor(step, index).toString('base64')),
      frameTimesMs: FRAME_TIMES_MS,
    });
    expect(answer.status).toBe(200);
    return {
      steps: challenge.steps,
      decision: answer.body.decision as Decision,
      token: answer.body.faceCheckToken,
    };
  }

  async function storedReasons(userId: string): Promise<string[]> {
    const rows: { reason: string }[] = await data.query(
      'SELECT reason FROM face_verifications WHERE user_id = ? ORDER BY created_at',
      [userId],
    );
    return rows.map((row) => row.reason);
  }

  it('should pass a genuine check through the vendor and issue a token', async () => {
    const userId = await enrolled();
    const moves = MOVES();

    const result = await check(userId, (step) => moves[step]);

    expect(result.decision).toMatchObject({
      outcome: 'passed',
      passed: true,
      reason: 'the live face matches the enrolled face (liveness: authority-sim sim-liveness-2026.1)',
    });
    expect(typeof result.token).toBe('string');
    expect(vendorCalls).toEqual([{ url: LIVENESS_CHECK_PATH, status: 200 }]);
  });

  it("should refuse turns in the wrong order with the vendor's reason, and store it", async () => {
    const userId = await enrolled();
    const moves = MOVES();
    const swapped: Record<HeadMovement, Buffer> = {
      turn_left: moves.turn_right,
      turn_right: moves.turn_left,
      look_straight: moves.look_straight,
    };

    const result = await check(userId, (step) => swapped[step]);

    const turn = result.steps.findIndex((step) => step !== 'look_straight');
    const reason = `the liveness service refused the capture: frame ${turn} does not show ${result.steps[turn]}`;
    expect(result.decision).toMatchObject({ outcome: 'liveness_failed', passed: false });
    expect(result.decision.reason).toContain(reason);
    expect(result.token).toBeNull();
    expect(vendorCalls).toEqual([{ url: LIVENESS_CHECK_PATH, status: 200 }]);
    expect(await storedReasons(userId)).toEqual([
      expect.stringMatching(new RegExp(`^${reason}.* \\(liveness: authority-sim sim-liveness-2026\\.1\\)$`)),
    ]);
  });

  it('should refuse a still (one picture re-encoded for every step) with the vendor reason', async () => {
    const userId = await enrolled();
    const still = faceImage('bernadette/bernadette3.png');

    const result = await check(userId, (_, index) => reencoded(still, index + 1));

    expect(result.decision).toMatchObject({ outcome: 'liveness_failed', passed: false });
    expect(result.decision.reason).toMatch(
      /^the liveness service refused the capture: frame \d does not show turn_(left|right)/,
    );
    expect(result.token).toBeNull();
    expect(vendorCalls).toEqual([{ url: LIVENESS_CHECK_PATH, status: 200 }]);
  });

  // Last: stops the simulator.
  it('should refuse, never pass, a genuine check while the vendor is down', async () => {
    const userId = await enrolled();
    await sim.close();
    const moves = MOVES();

    const result = await check(userId, (step) => moves[step]);

    expect(result.decision).toMatchObject({ outcome: 'liveness_failed', passed: false });
    expect(result.decision.reason).toContain('the liveness service could not decide (it is unreachable)');
    expect(result.token).toBeNull();
    expect(await storedReasons(userId)).toEqual([expect.stringContaining('could not decide') as string]);
  });
});
