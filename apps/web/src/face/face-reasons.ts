import type { LivenessStep } from './face-types';

/**
 * Why a face check was refused, in kinds a person can act on. The identity service explains each decision
 * in an English sentence (`decision.reason`, `livenessReason`); the page says it in the person's language
 * from this classification and never shows the raw sentence.
 */
export type FaceReason =
  | { kind: 'step_not_shown'; frame: number; step: LivenessStep }
  | { kind: 'different_face' }
  | { kind: 'still_image' }
  | { kind: 'flat_picture' }
  | { kind: 'timing' }
  | { kind: 'replayed' }
  | { kind: 'unusable_frame' }
  | { kind: 'face_mismatch' }
  | { kind: 'service_undecided' }
  | { kind: 'other' };

const STEPS = ['turn_left', 'turn_right', 'look_straight', 'close_eyes', 'open_mouth'] as const;

function isStep(value: string | undefined): value is LivenessStep {
  return (STEPS as readonly string[]).includes(value ?? '');
}

export function classifyFaceReason(reason: string | null | undefined): FaceReason {
  const text = reason ?? '';
  const notShown = /frame (\d+) does not show (\w+)/.exec(text);
  if (notShown && isStep(notShown[2])) {
    return { kind: 'step_not_shown', frame: Number(notShown[1]), step: notShown[2] };
  }
  if (/could not decide/.test(text)) return { kind: 'service_undecided' };
  if (/shows a different face/.test(text)) return { kind: 'different_face' };
  if (/same picture was sent more than once/.test(text)) return { kind: 'still_image' };
  if (/warped in 2-D|mirrored in 2-D/.test(text)) return { kind: 'flat_picture' };
  if (/frameTimesMs|ms apart|claims to be taken|the frames span/.test(text)) return { kind: 'timing' };
  if (/sent again, not a new capture/.test(text)) return { kind: 'replayed' };
  if (/unusable|could not be decoded|no face to judge/.test(text)) return { kind: 'unusable_frame' };
  if (/differs from|did not match|face_mismatch/.test(text)) return { kind: 'face_mismatch' };
  return { kind: 'other' };
}
