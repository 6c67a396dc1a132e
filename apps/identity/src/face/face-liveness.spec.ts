import { headLandmarks, warpedLandmarks } from '../../test/support/synthetic-head';
import type { Point } from './engine/face-engine';
import {
  evaluateLiveness,
  LIVENESS_STEPS,
  type LivenessFrame,
  type LivenessStep,
  randomLivenessSteps,
} from './face-liveness';
import { mirrorLabels } from './liveness/planar-edit';

const descriptor = (offset: number): Float32Array =>
  Float32Array.from({ length: 128 }, (_, i) => (i === 0 ? offset : 0.01 * (i % 7)));
const frame = (yaw: number, digest: string, offset = 0, landmarks = headLandmarks(yaw)): LivenessFrame => ({
  yaw,
  digest,
  descriptor: descriptor(offset),
  landmarks,
});
/** A frame made from another frame's picture by a 2-D edit: its landmarks are a plane transform of those. */
const edited = (yaw: number, digest: string, landmarks: Point[]): LivenessFrame =>
  frame(yaw, digest, 0, landmarks);
const MIRROR_X = [-1, 0, 400, 0, 1, 0, 0, 0];
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

  it('should fail turned frames that are one still picture perspective-warped into both poses', () => {
    const still = headLandmarks(0.15);
    const skewedLeft = warpedLandmarks(still, [1.05, 0.02, 4, 0.03, 1, 2, 0.0012, 0]);
    const skewedRight = warpedLandmarks(still, [0.9, -0.05, 30, -0.02, 1, 4, -0.0015, 0]);

    const sut = evaluateLiveness(
      STEPS,
      [edited(-0.15, 'a', skewedRight), frame(0, 'b'), edited(0.15, 'c', skewedLeft)],
      0.55,
    );

    expect(sut).toMatchObject({ passed: false, reason: expect.stringContaining('warped in 2-D') as string });
  });

  it('should fail a turned still answered for the other side with its mirror image', () => {
    const still = headLandmarks(0.15);
    // A detector labels the mirrored picture's image-left jaw point 0: the original's point 16, reflected.
    const relabelled = mirrorLabels(warpedLandmarks(still, MIRROR_X));

    const sut = evaluateLiveness(
      STEPS,
      [edited(-0.15, 'a', relabelled), frame(0, 'b'), edited(0.15, 'c', still)],
      0.55,
    );

    expect(sut).toMatchObject({
      passed: false,
      reason: expect.stringContaining('mirrored in 2-D') as string,
    });
  });

  it('should pass a mirror-like landmark fit when the descriptors show two different pictures', () => {
    const still = headLandmarks(0.15);
    const relabelled = mirrorLabels(warpedLandmarks(still, MIRROR_X));
    const other = { ...edited(-0.15, 'a', relabelled), descriptor: descriptor(0.3) };

    const sut = evaluateLiveness(STEPS, [other, frame(0, 'b'), edited(0.15, 'c', still)], 0.55);

    expect(sut).toEqual({ passed: true, frontalIndex: 1 });
  });

  it('should pass a head turned in 3-D even when the frames are also scaled and shifted', () => {
    const right = warpedLandmarks(headLandmarks(-0.15), [1.2, 0, -40, 0, 1.2, -30, 0, 0]);

    const sut = evaluateLiveness(STEPS, [edited(-0.15, 'a', right), frame(0, 'b'), frame(0.15, 'c')], 0.55);

    expect(sut).toEqual({ passed: true, frontalIndex: 1 });
  });

  it('should fail a missing frame', () => {
    expect(evaluateLiveness(STEPS, [frame(-0.2, 'a'), frame(0, 'b')], 0.55).passed).toBe(false);
  });
});

describe('evaluateLiveness with a face action (one turn only)', () => {
  it('should pass one turn, look_straight and a frontal action frame, whatever the order', () => {
    const sut = evaluateLiveness(
      ['look_straight', 'close_eyes', 'turn_left'],
      [frame(0.01, 'a'), frame(0.03, 'b'), frame(0.2, 'c')],
      0.55,
    );

    expect(sut).toEqual({ passed: true, frontalIndex: 0 });
  });

  it('should refuse an action frame turned away from the camera', () => {
    const sut = evaluateLiveness(
      ['turn_right', 'open_mouth', 'look_straight'],
      [frame(-0.2, 'a'), frame(0.15, 'b'), frame(0.01, 'c')],
      0.55,
    );

    expect(sut).toMatchObject({ passed: false, reason: 'frame 1 does not show open_mouth (yaw 0.15)' });
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

  it('should ask for one turn, look_straight and one face action, in varying order, with face actions', () => {
    const orders = new Set<string>();
    for (let i = 0; i < 400; i += 1) {
      const sut = randomLivenessSteps(true);
      expect(sut).toHaveLength(3);
      expect(sut).toContain('look_straight');
      expect(sut.filter((step) => step === 'turn_left' || step === 'turn_right')).toHaveLength(1);
      expect(sut.filter((step) => step === 'close_eyes' || step === 'open_mouth')).toHaveLength(1);
      orders.add(sut.join(','));
    }

    expect(orders.size).toBe(24);
  });
});
