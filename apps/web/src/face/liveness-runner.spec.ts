import type { LivenessChallenge } from './face-types';
import { CaptureAborted, runLivenessSteps, type StepProgress } from './liveness-runner';

const CHALLENGE: LivenessChallenge = {
  challengeId: 'c',
  nonce: 'n',
  steps: ['turn_left', 'look_straight', 'turn_right'],
  expiresAt: '2026-12-07T00:02:00Z',
  sequenceSeconds: 20,
};

function fakeClock(start: number) {
  let t = start;
  return {
    now: () => t,
    sleep: (ms: number) => {
      t += ms;
      return Promise.resolve();
    },
  };
}

describe('runLivenessSteps', () => {
  it('takes one frame per step, in order, timed from the challenge and at least 250 ms apart', async () => {
    const clock = fakeClock(10_000);
    const progress: StepProgress[] = [];
    let shot = 0;
    const answer = await runLivenessSteps(
      CHALLENGE,
      9_800,
      { ...clock, capture: () => `frame-${String(shot++)}` },
      (p) => progress.push(p),
      new AbortController().signal,
      1_200,
    );
    expect(answer).toEqual({
      challengeId: 'c',
      nonce: 'n',
      frames: ['frame-0', 'frame-1', 'frame-2'],
      frameTimesMs: [1_400, 2_600, 3_800],
    });
    expect(progress.filter((p) => p.index === 0).map((p) => p.secondsLeft)).toEqual([2, 1, 1]);
    expect(new Set(progress.map((p) => p.step))).toEqual(new Set(CHALLENGE.steps));
  });

  it('waits out the minimum gap even with a very short hold', async () => {
    const clock = fakeClock(0);
    const answer = await runLivenessSteps(
      CHALLENGE,
      0,
      { ...clock, capture: () => 'f' },
      () => undefined,
      new AbortController().signal,
      10,
    );
    const [a = 0, b = 0, c = 0] = answer.frameTimesMs;
    expect(b - a).toBeGreaterThanOrEqual(250);
    expect(c - b).toBeGreaterThanOrEqual(250);
  });

  it('stops when aborted, without taking more frames', async () => {
    const clock = fakeClock(0);
    const controller = new AbortController();
    let shots = 0;
    const run = runLivenessSteps(
      CHALLENGE,
      0,
      {
        ...clock,
        capture: () => {
          shots++;
          controller.abort();
          return 'f';
        },
      },
      () => undefined,
      controller.signal,
      600,
    );
    await expect(run).rejects.toBeInstanceOf(CaptureAborted);
    expect(shots).toBe(1);
  });
});
