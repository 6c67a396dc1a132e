import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { ServiceTestBed } from '@exam/testing';
import request from 'supertest';

import { IdentityEnv } from '../src/config/identity.env';
import type { LivenessStep } from '../src/face/face-liveness';
import { describeWithFaces, FaceTestModule } from './support/face-test-module';
import { bearer, faceImage, FRAME_TIMES_MS } from './support/factories';

interface Challenge {
  challengeId: string;
  nonce: string;
  steps: LivenessStep[];
  sequenceSeconds: number;
}

// Yaws (scripts/face-eval.ts): bernadette2 +0.20, bernadette4 -0.12, bernadette3 +0.05, bernadette1 +0.04.
// The test photos show open eyes and closed mouths: no genuine face action can be sent from them.
const PICTURES: Record<LivenessStep, string> = {
  turn_left: 'bernadette/bernadette2.png',
  turn_right: 'bernadette/bernadette4.png',
  look_straight: 'bernadette/bernadette3.png',
  close_eyes: 'bernadette/bernadette1.png',
  open_mouth: 'bernadette/bernadette1.png',
};

describeWithFaces()('face actions judged on the face mesh of @vladmandic/human (e2e, #12 item 0)', () => {
  let bed: ServiceTestBed<IdentityEnv>;

  beforeAll(async () => {
    bed = await ServiceTestBed.start({
      service: 'identity',
      envClass: IdentityEnv,
      module: (env) => FaceTestModule.register(env),
      topics: [Topics.ConsentChanged, Topics.FaceEnrolmentChanged],
      overrides: { LIVENESS_FACE_ACTIONS: 'true', FACE_WORKERS: '1' },
    });
  });

  afterAll(async () => {
    await bed.close();
  });

  async function call(path: string, userId: string, body: object) {
    const response = await request(bed.url)
      .post(`/api/identity/face${path}`)
      .set('authorization', bearer({ userId }))
      .send(body);
    return { status: response.status, body: response.body as Record<string, unknown> };
  }

  it('should ask for one turn, look_straight and a face action, and refuse a frame that does not show it', async () => {
    const userId = randomUUID();
    const enrolled = await call('/enrolment', userId, {
      image: faceImage('bernadette/bernadette5.png').toString('base64'),
      consent: true,
      consentPolicyVersion: '2026-11',
    });
    expect(enrolled.status).toBe(201);

    const asked = await call('/challenges', userId, { purpose: 'step_up' });
    const challenge = asked.body as unknown as Challenge;
    const answer = await call('/checks', userId, {
      challengeId: challenge.challengeId,
      nonce: challenge.nonce,
      frames: challenge.steps.map((step) => faceImage(PICTURES[step]).toString('base64')),
      frameTimesMs: FRAME_TIMES_MS,
    });

    expect(asked.status).toBe(201);
    expect(challenge.sequenceSeconds).toBe(20);
    expect(challenge.steps).toContain('look_straight');
    expect(challenge.steps.filter((s) => s === 'turn_left' || s === 'turn_right')).toHaveLength(1);
    const action = challenge.steps.find((s) => s === 'close_eyes' || s === 'open_mouth');
    expect(action).toBeDefined();
    const index = challenge.steps.indexOf(action ?? 'close_eyes');
    expect(answer.status).toBe(200);
    expect(answer.body.decision).toMatchObject({
      outcome: 'liveness_failed',
      passed: false,
      reason: expect.stringMatching(
        action === 'close_eyes'
          ? new RegExp(`^frame ${index} does not show close_eyes: the eyes are open`)
          : new RegExp(`^frame ${index} does not show open_mouth: the mouth is not open`),
      ) as string,
    });
  });
});
