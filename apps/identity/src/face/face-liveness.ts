import { randomInt } from 'node:crypto';

import type { Point } from './engine/face-engine';
import { descriptorDistance } from './engine/face-geometry';
import {
  LIVENESS_MIRROR_MAX_DISTANCE,
  LIVENESS_MIRROR_MAX_RESIDUAL,
  LIVENESS_STRAIGHT_MAX_YAW,
  LIVENESS_TURN_MIN_PLANAR_RESIDUAL,
  LIVENESS_TURN_MIN_YAW,
} from './face.policy';
import { planarFit } from './liveness/planar-edit';
import { FACE_ACTIONS, type FaceAction, isFaceAction } from './mesh/face-actions';

/** The head movements of a challenge. */
export const LIVENESS_STEPS = ['turn_left', 'turn_right', 'look_straight'] as const;
export type HeadMovement = (typeof LIVENESS_STEPS)[number];
export type LivenessStep = HeadMovement | FaceAction;

function shuffled(steps: LivenessStep[]): LivenessStep[] {
  for (let i = steps.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [steps[i], steps[j]] = [steps[j], steps[i]];
  }
  return steps;
}

/**
 * A random order of all three movements (a replayed recording of an earlier answer fits 1 time in 6); with
 * face actions, a random turn, look_straight and a random face action in random order (1 in 24).
 */
export function randomLivenessSteps(faceActions = false): LivenessStep[] {
  if (!faceActions) return shuffled([...LIVENESS_STEPS]);
  const turn = randomInt(2) === 0 ? 'turn_left' : 'turn_right';
  return shuffled([turn, 'look_straight', FACE_ACTIONS[randomInt(FACE_ACTIONS.length)]]);
}

export interface LivenessFrame {
  readonly yaw: number;
  readonly descriptor: Float32Array;
  /** The 68 landmarks in image pixels: the turned frames must differ by more than a 2-D edit of one picture. */
  readonly landmarks: readonly Point[];
  /** Hash of the uploaded bytes: the same picture sent twice is a still image, whatever it shows. */
  readonly digest: string;
}

export type LivenessVerdict =
  | { readonly passed: true; readonly frontalIndex: number }
  | { readonly passed: false; readonly reason: string };

function fits(step: LivenessStep, yaw: number): boolean {
  // A face action is shown facing the camera, where the mesh sees both eyes and the whole mouth.
  if (isFaceAction(step)) return Math.abs(yaw) < LIVENESS_TURN_MIN_YAW;
  switch (step) {
    case 'turn_left':
      return yaw >= LIVENESS_TURN_MIN_YAW;
    case 'turn_right':
      return yaw <= -LIVENESS_TURN_MIN_YAW;
    case 'look_straight':
      return Math.abs(yaw) <= LIVENESS_STRAIGHT_MAX_YAW;
  }
}

/**
 * Challenge-response liveness: frame i must show step i (yaw estimated from landmarks, see estimateYaw:
 * "left" is the subject's own left in an unmirrored camera frame), and every frame must show the same face as
 * the frontal one. A printed photo or a replayed still cannot turn both ways on request.
 */
export function evaluateLiveness(
  steps: readonly LivenessStep[],
  frames: readonly LivenessFrame[],
  matchThreshold: number,
): LivenessVerdict {
  if (frames.length !== steps.length)
    return { passed: false, reason: `expected ${steps.length} frames, got ${frames.length}` };
  if (new Set(frames.map((frame) => frame.digest)).size !== frames.length) {
    return { passed: false, reason: 'the same picture was sent more than once (a still image)' };
  }
  for (const [index, step] of steps.entries()) {
    const frame = frames.at(index);
    if (frame === undefined || !fits(step, frame.yaw)) {
      return {
        passed: false,
        reason: `frame ${index} does not show ${step} (yaw ${frame?.yaw.toFixed(2) ?? 'missing'})`,
      };
    }
  }
  const flat = turnIsPlanarEdit(steps, frames);
  if (flat !== null) return { passed: false, reason: flat };
  const frontalIndex = steps.indexOf('look_straight');
  const frontal = frontalIndex < 0 ? undefined : frames.at(frontalIndex);
  if (frontal === undefined) return { passed: false, reason: 'the challenge has no look_straight step' };
  for (const [index, frame] of frames.entries()) {
    const distance = descriptorDistance(frame.descriptor, frontal.descriptor);
    if (distance > matchThreshold) {
      return {
        passed: false,
        reason: `frame ${index} shows a different face (distance ${distance.toFixed(3)})`,
      };
    }
  }
  return { passed: true, frontalIndex };
}

/**
 * The two turned frames differ by at least 2 × LIVENESS_TURN_MIN_YAW of yaw. A head that turned that far
 * moves its nose, eyes and jaw line by different amounts; a still warped or skewed into the two poses moves
 * every landmark by one plane transform (see planar-edit.ts). A mirror cannot be told by landmarks alone (a
 * symmetric face turned left is close to the mirror image of it turned right), so a mirror-like landmark fit
 * is refused only together with a descriptor that says "the same picture". Thresholds and what they miss:
 * docs/face-liveness.md.
 */
function turnIsPlanarEdit(steps: readonly LivenessStep[], frames: readonly LivenessFrame[]): string | null {
  const leftIndex = steps.indexOf('turn_left');
  const rightIndex = steps.indexOf('turn_right');
  // A face-action challenge has one turn only (and frames.at(-1) would be the last frame, not "none").
  if (leftIndex < 0 || rightIndex < 0) return null;
  const left = frames.at(leftIndex);
  const right = frames.at(rightIndex);
  if (left === undefined || right === undefined) return null;
  const fit = planarFit(left.landmarks, right.landmarks);
  if (fit.direct < LIVENESS_TURN_MIN_PLANAR_RESIDUAL)
    return `the turned frames are one picture warped in 2-D, not a head turning (residual ${fit.direct.toFixed(3)} < ${LIVENESS_TURN_MIN_PLANAR_RESIDUAL})`;
  const distance = descriptorDistance(left.descriptor, right.descriptor);
  if (fit.mirrored < LIVENESS_MIRROR_MAX_RESIDUAL && distance < LIVENESS_MIRROR_MAX_DISTANCE)
    return `the turned frames are one picture mirrored in 2-D, not a head turning (mirrored residual ${fit.mirrored.toFixed(3)}, distance ${distance.toFixed(3)})`;
  return null;
}
