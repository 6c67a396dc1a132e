import { TestClock } from '@exam/testing';

import { headLandmarks } from '../../../test/support/synthetic-head';
import type { DetectedFace, FaceAnalysis, FaceEngine, Point } from '../../face/engine/face-engine';
import { FaceCaptureService } from '../../face/face-capture.service';
import type { FaceEnrolmentService } from '../../face/face-enrolment.service';
import type { LivenessStep } from '../../face/face-liveness';
import type { ReplayFinding } from '../../face/liveness/capture-replay';
import type { FaceReplayGuard } from '../../face/liveness/face-replay-guard';
import {
  type LivenessCapture,
  type LivenessChallengeSpec,
  LivenessProvider,
  type ProviderLivenessVerdict,
} from '../../face/liveness/liveness-provider';
import type { LivenessSteps } from '../../face/liveness/liveness-steps';
import { LocalLivenessProvider } from '../../face/liveness/local-liveness.provider';
import type { RealNameFaceChallengeEntity } from './real-name-face-challenge.entity';
import type { RealNameFaceChallengeRepository } from './real-name-face-challenge.repository';
import { RealNameLivenessService } from './real-name-liveness.service';

/** Nose x per picture: 70 turns left (yaw +0.2), 30 turns right (-0.2), 52 looks straight (+0.02). */
const NOSE_X: Readonly<Record<string, number>> = { left: 70, right: 30, straight: 52 };

/** A 3-D head turned to that yaw: the liveness rules refuse turns that are one picture edited in 2-D. */
function face(noseX: number): DetectedFace {
  const landmarks: Point[] = headLandmarks((noseX - 50) / 100);
  return {
    score: 0.9,
    box: { x: 10, y: 10, width: 120, height: 120 },
    landmarks,
    descriptor: new Float32Array(128),
  };
}

class PoseEngine implements FaceEngine {
  readonly modelVersion = 'fake-pose-1';
  calls = 0;

  analyse(image: Buffer): Promise<FaceAnalysis> {
    this.calls += 1;
    const noseX = NOSE_X[image.toString('utf8')] ?? 50;
    return Promise.resolve({ width: 640, height: 480, faces: [face(noseX)] });
  }
}

function challenge(steps: LivenessStep[]): RealNameFaceChallengeEntity {
  return {
    id: 'c',
    userId: 'u',
    nonce: 'n',
    steps,
    createdAt: new Date('2026-01-15T08:00:00.000Z'),
    expiresAt: new Date('2026-01-15T08:02:00.000Z'),
    usedAt: null,
  };
}

/** Ten seconds after the challenge was issued; the frames were taken 1, 2.5 and 4 s after it. */
const CLOCK = new TestClock('2026-01-15T08:00:10.000Z');
const TIMES = [1_000, 2_500, 4_000];
/** evaluate() never draws steps; the challenge rows below carry their own. */
const STEPS = {} as LivenessSteps;

describe(RealNameLivenessService.name, () => {
  let engine: PoseEngine;
  let sut: RealNameLivenessService;

  let replayed: ReplayFinding | null;
  const replays = {
    findReplay: () => Promise.resolve(replayed),
  } as unknown as FaceReplayGuard;

  beforeEach(() => {
    replayed = null;
    engine = new PoseEngine();
    // evaluate() touches neither the database nor consent; those collaborators stay unused here.
    sut = new RealNameLivenessService(
      {} as RealNameFaceChallengeRepository,
      new FaceCaptureService(engine),
      {} as FaceEnrolmentService,
      // The fake frames carry no pixels: the pixel rule has its own spec (flat-picture.spec.ts).
      new LocalLivenessProvider(() => null),
      replays,
      STEPS,
      CLOCK,
    );
  });

  it('should pass the requested movements and hand over the frontal frame byte for byte', async () => {
    const straight = Buffer.from('straight');
    const result = await sut.evaluate(
      challenge(['turn_right', 'look_straight', 'turn_left']),
      [Buffer.from('right'), straight, Buffer.from('left')],
      TIMES,
    );

    expect(result).toMatchObject({ passed: true, modelVersion: 'fake-pose-1' });
    expect(result.passed && result.frontal).toBe(straight);
  });

  it("should fail an answer that sends the account's enrolment image or an earlier check's frame again", async () => {
    replayed = { frameIndex: 1, distance: 0.05, source: 'the enrolment image' };

    const result = await sut.evaluate(
      challenge(['turn_right', 'look_straight', 'turn_left']),
      [Buffer.from('right'), Buffer.from('straight'), Buffer.from('left')],
      TIMES,
    );

    expect(result).toMatchObject({
      passed: false,
      reason: expect.stringContaining('frame 1 is the enrolment image sent again') as string,
    });
  });

  it('should fail frames that are not one timed capture session, before any model work', async () => {
    const result = await sut.evaluate(
      challenge(['turn_right', 'look_straight', 'turn_left']),
      [Buffer.from('right'), Buffer.from('straight'), Buffer.from('left')],
      [1_000, 40_000, 41_000],
    );

    expect(result).toMatchObject({
      passed: false,
      reason: expect.stringContaining('only 10000 ms have passed') as string,
    });
    expect(engine.calls).toBe(0);
  });

  it('should fail a still picture sent for every step before any model work', async () => {
    const result = await sut.evaluate(
      challenge(['turn_left', 'turn_right', 'look_straight']),
      [Buffer.from('straight'), Buffer.from('straight'), Buffer.from('straight')],
      TIMES,
    );

    expect(result).toMatchObject({ passed: false, reason: expect.stringContaining('still image') as string });
    expect(engine.calls).toBe(0);
  });

  it('should fail frames that do not show the movement asked for', async () => {
    const result = await sut.evaluate(
      challenge(['turn_left', 'turn_right', 'look_straight']),
      [Buffer.from('right'), Buffer.from('left'), Buffer.from('straight')],
      TIMES,
    );

    expect(result).toMatchObject({
      passed: false,
      reason: expect.stringContaining('does not show turn_left') as string,
    });
  });

  describe('with another liveness provider', () => {
    class ScriptedProvider extends LivenessProvider {
      seen: { steps: readonly LivenessStep[]; images: Buffer[] }[] = [];
      constructor(private readonly verdict: ProviderLivenessVerdict) {
        super();
      }
      evaluate(
        spec: LivenessChallengeSpec,
        frames: readonly LivenessCapture[],
      ): Promise<ProviderLivenessVerdict> {
        this.seen.push({ steps: spec.steps, images: frames.map((frame) => frame.image) });
        return Promise.resolve(this.verdict);
      }
    }

    const service = (provider: LivenessProvider): RealNameLivenessService =>
      new RealNameLivenessService(
        {} as RealNameFaceChallengeRepository,
        new FaceCaptureService(engine),
        {} as FaceEnrolmentService,
        provider,
        replays,
        STEPS,
        CLOCK,
      );

    it("should take the provider's refusal, even for movements the local rules pass", async () => {
      const provider = new ScriptedProvider({
        passed: false,
        reason: 'the liveness service could not decide (it is unreachable)',
        provider: 'authority-liveness',
        providerVersion: 'unknown',
      });
      const frames = [Buffer.from('right'), Buffer.from('straight'), Buffer.from('left')];

      const result = await service(provider).evaluate(
        challenge(['turn_right', 'look_straight', 'turn_left']),
        frames,
        TIMES,
      );

      expect(result).toEqual({
        passed: false,
        reason: 'the liveness service could not decide (it is unreachable)',
        modelVersion: 'fake-pose-1',
      });
      expect(provider.seen).toEqual([
        { steps: ['turn_right', 'look_straight', 'turn_left'], images: frames },
      ]);
    });

    it('should hand over the frame the provider names as frontal', async () => {
      const provider = new ScriptedProvider({
        passed: true,
        frontalIndex: 2,
        provider: 'vendor',
        providerVersion: 'v1',
      });
      const straight = Buffer.from('straight');

      const result = await service(provider).evaluate(
        challenge(['turn_right', 'turn_left', 'look_straight']),
        [Buffer.from('right'), Buffer.from('left'), straight],
        TIMES,
      );

      expect(result.passed && result.frontal).toBe(straight);
    });
  });
});
