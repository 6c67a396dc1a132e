import { Injectable } from '@nestjs/common';

import { FACE_MATCH_THRESHOLD } from '../face.policy';
import { evaluateLiveness, type LivenessStep, type LivenessVerdict } from '../face-liveness';
import { faceActionProblem, isFaceAction } from '../mesh/face-actions';
import type { FaceMeshEngine } from '../mesh/face-mesh';
import {
  allPairs,
  capturePatches,
  findFlatPicturePair,
  type FlatPictureFinding,
  type FramePair,
} from './flat-picture';
import {
  type LivenessCapture,
  type LivenessChallengeSpec,
  LivenessProvider,
  type ProviderLivenessVerdict,
} from './liveness-provider';

export const LOCAL_LIVENESS_PROVIDER_NAME = 'identity-liveness';
/** Bump with any change of the rules in face-liveness.ts, flat-picture.ts or their thresholds in face.policy.ts. */
export const LOCAL_LIVENESS_VERSION = 'rules-2026.12b';

/**
 * Identity's own rules: the landmark rules of face-liveness.ts (steps, turned frames not a plane fit, one
 * face), then the pixel rule of flat-picture.ts (no two frames are one picture edited in 2-D, mirrored or
 * not). Shared by the provider and the liveness measurement (scripts/liveness-eval.ts).
 */
export function evaluateLocalLiveness(
  steps: readonly LivenessStep[],
  frames: readonly LivenessCapture[],
  matchThreshold: number,
  flatPicture: FlatPictureCheck = pixelFlatPictureCheck,
): LivenessVerdict {
  const verdict = evaluateLiveness(steps, frames, matchThreshold);
  if (!verdict.passed) return verdict;
  let flat: FlatPictureFinding | null;
  try {
    flat = flatPicture(frames, comparedPairs(steps));
  } catch {
    // The engine decoded these bytes already; a frame its decoders read and these do not is refused, not skipped.
    return {
      passed: false,
      reason: 'a frame could not be decoded for the 2-D edit check; send PNG or JPEG frames',
    };
  }
  if (flat === null) return verdict;
  return {
    passed: false,
    reason: `frames ${flat.first} and ${flat.second} are one picture ${flat.mirrored ? 'mirrored and ' : ''}warped in 2-D, not a head turning (pixel correlation ${flat.correlation.toFixed(3)} after plane alignment)`,
  };
}

/** The pixel rule over the captures' bytes; replaceable only where frames carry no real pixels (unit tests). */
export type FlatPictureCheck = (
  frames: readonly LivenessCapture[],
  pairs: readonly FramePair[],
) => FlatPictureFinding | null;
export const pixelFlatPictureCheck: FlatPictureCheck = (frames, pairs) =>
  findFlatPicturePair(capturePatches(frames), pairs);

/**
 * The pairs the pixel rule compares: every pair with a turned frame in it, which is every pair of a
 * head-movement challenge. Two frontal frames (look_straight and a face action) of a live person holding
 * still are nearly one picture, so they are not compared; the turned frame of such a challenge is compared
 * with both, and of one still it is a warp of either.
 */
export function comparedPairs(steps: readonly LivenessStep[]): FramePair[] {
  const turned = (index: number): boolean => steps[index] === 'turn_left' || steps[index] === 'turn_right';
  return allPairs(steps.length).filter(([first, second]) => turned(first) || turned(second));
}

/**
 * Face actions (close_eyes, open_mouth) of a challenge, judged on the face mesh of their frames; null when
 * every action asked for is shown (or none was asked for).
 */
export async function faceActionsProblem(
  steps: readonly LivenessStep[],
  frames: readonly LivenessCapture[],
  mesh: FaceMeshEngine | null,
): Promise<string | null> {
  for (const [index, step] of steps.entries()) {
    if (!isFaceAction(step)) continue;
    if (mesh === null) return `the challenge asks for ${step}, but the face mesh is not running`;
    const frame = frames.at(index);
    if (frame === undefined) return `frame ${index} is missing`;
    const result = await mesh.analyse(frame.image);
    if (result === null) return `frame ${index}: the face mesh found no face to judge ${step}`;
    const problem = faceActionProblem(step, result.mesh);
    if (problem !== null) return `frame ${index} does not show ${step}: ${problem}`;
  }
  return null;
}

/**
 * Identity's own rules (evaluateLocalLiveness, then the face actions on the face mesh when the challenge asks
 * for any): the default, and what every face test runs on.
 */
@Injectable()
export class LocalLivenessProvider extends LivenessProvider {
  constructor(
    private readonly flatPicture: FlatPictureCheck = pixelFlatPictureCheck,
    private readonly mesh: FaceMeshEngine | null = null,
  ) {
    super();
  }

  async evaluate(
    challenge: LivenessChallengeSpec,
    frames: readonly LivenessCapture[],
  ): Promise<ProviderLivenessVerdict> {
    const rules = evaluateLocalLiveness(challenge.steps, frames, FACE_MATCH_THRESHOLD, this.flatPicture);
    const actions = rules.passed ? await faceActionsProblem(challenge.steps, frames, this.mesh) : null;
    const verdict: LivenessVerdict = actions === null ? rules : { passed: false, reason: actions };
    return { ...verdict, provider: LOCAL_LIVENESS_PROVIDER_NAME, providerVersion: LOCAL_LIVENESS_VERSION };
  }
}

/**
 * What a stored face-check reason adds when another provider decided liveness, so the record names it
 * (e.g. " (liveness: authority-sim sim-liveness-2026.1)"); nothing for the local rules, whose records are
 * unchanged.
 */
export function livenessRecordNote(verdict: ProviderLivenessVerdict): string {
  if (verdict.provider === LOCAL_LIVENESS_PROVIDER_NAME) return '';
  return ` (liveness: ${verdict.provider} ${verdict.providerVersion})`;
}
