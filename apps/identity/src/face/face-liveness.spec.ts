import {
  evaluateLiveness,
  LIVENESS_STEPS,
  type LivenessFrame,
  type LivenessStep,
  randomLivenessSteps,
} from './face-liveness';

const descriptor = (offset: number): Float32Array =>
  Float32Array.from({ length: 128 }, (_, i) => (i === 0 ? offset : 0.01 * (i % 7)));
const frame = (yaw: number, digest: string, offset = 0): LivenessFrame => ({
  yaw,
  digest,
  descriptor: descriptor(offset),
});
const STEPS: LivenessStep[] = ['turn_right', 'look_straight', 'turn_left'];

describe('evaluateLiveness', () => {
  it('should pass frames that follow the requested moves with one face', () => {
    const sut = evaluateLiveness(
      STEPS,
      [frame(-0.2, 'a'), frame(0.01, 'b', 0.1), frame(0.18, 'c', 0.2)],
      0.55,
    );

    expect(sut).toEqual({ passed: true, frontalIndex: 1 });
  });

  it('should fail the same picture sent for every step', () => {
    const sut = evaluateLiveness(STEPS, [frame(0, 'same'), frame(0, 'same'), frame(0, 'same')], 0.55);

    expect(sut).toMatchObject({ passed: false, reason: expect.stringContaining('still image') as string });
  });

  it('should fail a still face re-encoded so that its bytes differ', () => {
    const sut = evaluateLiveness(STEPS, [frame(0.02, 'a'), frame(0.02, 'b'), frame(0.02, 'c')], 0.55);

    expect(sut).toMatchObject({ passed: false, reason: expect.stringContaining('turn_right') as string });
  });

  it('should fail moves made in the wrong order', () => {
    const sut = evaluateLiveness(STEPS, [frame(0.2, 'a'), frame(0, 'b'), frame(-0.2, 'c')], 0.55);

    expect(sut.passed).toBe(false);
  });

  it('should fail when the face changes between frames', () => {
    const sut = evaluateLiveness(STEPS, [frame(-0.2, 'a', 0.9), frame(0, 'b'), frame(0.2, 'c')], 0.55);

    expect(sut).toMatchObject({ passed: false, reason: expect.stringContaining('different face') as string });
  });

  it('should fail a missing frame', () => {
    expect(evaluateLiveness(STEPS, [frame(-0.2, 'a'), frame(0, 'b')], 0.55).passed).toBe(false);
  });
});

describe('randomLivenessSteps', () => {
  it('should ask for every move once, in varying order', () => {
    const orders = new Set<string>();
    for (let i = 0; i < 200; i += 1) {
      const sut = randomLivenessSteps();
      expect([...sut].sort()).toEqual([...LIVENESS_STEPS].sort());
      orders.add(sut.join(','));
    }

    expect(orders.size).toBe(6);
  });
});
