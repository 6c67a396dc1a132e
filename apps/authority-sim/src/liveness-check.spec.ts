import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';

import { buildAuthorityServer, LIVENESS_CHECK_PATH } from './authority-server';
import { loadAuthoritySimEnv } from './config/authority-sim.env';
import { decideLiveness, LIVENESS_MODEL_VERSION, parseLivenessCheck } from './liveness-check';
import { canonicalString, sign, SIGNATURE_HEADERS } from './signing';

const SECRET = 'unit-test-liveness-secret-0123456789';
const NOW = new Date('2026-12-07T05:00:00Z');
const png = (tag: string): string =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(tag)]).toString(
    'base64',
  );
const descriptor = (v: number): number[] => new Array<number>(128).fill(v);
const YAW = { turn_left: 0.2, turn_right: -0.2, look_straight: 0.02 } as const;
type Step = keyof typeof YAW;

function body(
  steps: Step[],
  shown: Step[] = steps,
  images = steps.map((s) => png(s)),
): Record<string, unknown> {
  return {
    checkId: randomUUID(),
    challenge: { steps, nonce: 'n', issuedAt: NOW.toISOString(), expiresAt: NOW.toISOString() },
    frames: shown.map((step, i) => ({ image: images[i], yaw: YAW[step], descriptor: descriptor(0.01 * i) })),
  };
}

function decide(payload: Record<string, unknown>): ReturnType<typeof decideLiveness> | string {
  const parsed = parseLivenessCheck(payload, 1024);
  return typeof parsed === 'string' ? parsed : decideLiveness(parsed);
}

describe('simulated liveness rules', () => {
  const steps: Step[] = ['turn_right', 'look_straight', 'turn_left'];

  it('should pass the movements asked for and name the frontal frame', () => {
    expect(decide(body(steps))).toEqual({ passed: true, frontalIndex: 1 });
  });

  it('should refuse one picture sent for every step', () => {
    const still = png('still');
    expect(decide(body(steps, steps, [still, still, still]))).toEqual({
      passed: false,
      reason: 'the same picture was sent more than once (a still image)',
    });
  });

  it('should refuse turns in the wrong order', () => {
    expect(decide(body(steps, ['turn_left', 'look_straight', 'turn_right']))).toEqual({
      passed: false,
      reason: 'frame 0 does not show turn_right (yaw 0.20)',
    });
  });

  it('should refuse a different face in one frame', () => {
    const payload = body(steps);
    (payload.frames as { descriptor: number[] }[])[2].descriptor = descriptor(0.5);
    expect(decide(payload)).toMatchObject({
      passed: false,
      reason: expect.stringContaining('frame 2 shows a different face') as string,
    });
  });

  it.each([
    ['a missing step', { steps: ['turn_left', 'look_straight'] }, 'challenge.steps'],
    ['an unknown step', { steps: ['turn_left', 'nod', 'look_straight'] }, 'challenge.steps'],
  ])('should refuse %s as invalid', (_, challenge, field) => {
    const payload = { ...body(steps), challenge };
    expect(decide(payload)).toContain(field);
  });

  it('should refuse frames that are not images or carry no measurement', () => {
    const payload = body(steps);
    const frames = payload.frames as Record<string, unknown>[];
    expect(decide({ ...payload, frames: [{ ...frames[0], image: 'bm90IGFuIGltYWdl' }] })).toContain(
      'frames[0].image',
    );
    expect(decide({ ...payload, frames: [{ ...frames[0], yaw: 'left' }] })).toContain('frames[0].yaw');
    expect(decide({ ...payload, frames: [{ ...frames[0], descriptor: [1] }] })).toContain(
      'frames[0].descriptor',
    );
    expect(decide(body(steps, ['turn_right', 'look_straight']))).toEqual({
      passed: false,
      reason: 'expected 3 frames, got 2',
    });
  });
});

describe(`POST ${LIVENESS_CHECK_PATH}`, () => {
  let sut: FastifyInstance;

  beforeEach(() => {
    sut = buildAuthorityServer(
      loadAuthoritySimEnv({ AUTHORITY_HMAC_SECRET: SECRET, AUTHORITY_GENERATED_PERSONS: '0' }),
      { now: () => NOW },
    );
  });

  afterEach(async () => {
    await sut.close();
  });

  async function post(
    payload: object,
    secret = SECRET,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const raw = JSON.stringify(payload);
    const timestamp = String(Math.floor(NOW.getTime() / 1000));
    const nonce = randomUUID();
    const response = await sut.inject({
      method: 'POST',
      url: LIVENESS_CHECK_PATH,
      payload: raw,
      headers: {
        'content-type': 'application/json',
        [SIGNATURE_HEADERS.appId]: 'exam-identity',
        [SIGNATURE_HEADERS.timestamp]: timestamp,
        [SIGNATURE_HEADERS.nonce]: nonce,
        [SIGNATURE_HEADERS.signature]: sign(
          secret,
          canonicalString('POST', LIVENESS_CHECK_PATH, timestamp, nonce, raw),
        ),
      },
    });
    return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
  }

  it('should answer the decision with the check id, provider and model version', async () => {
    const payload = body(['look_straight', 'turn_left', 'turn_right']);

    const answer = await post(payload);

    expect(answer).toEqual({
      status: 200,
      body: {
        checkId: payload.checkId,
        passed: true,
        frontalIndex: 0,
        provider: 'authority-sim',
        modelVersion: LIVENESS_MODEL_VERSION,
      },
    });
  });

  it('should refuse an unsigned request and a malformed one', async () => {
    expect((await post(body(['look_straight', 'turn_left', 'turn_right']), 'wrong-secret')).status).toBe(401);
    expect(await post({ checkId: 'x' })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });
});
