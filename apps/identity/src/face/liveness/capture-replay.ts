import { descriptorDistance } from '../engine/face-geometry';

export interface ReplayFinding {
  readonly frameIndex: number;
  readonly distance: number;
  /** 'enrolment' or 'an earlier check'. */
  readonly source: string;
}

/**
 * The first frame that is the same picture as the enrolment or as a frame of an earlier passed check:
 * descriptor distance below `floor`, which re-encodings, brightness changes and small shifts stay under while
 * different photos of the same person do not reach it (docs/face-liveness.md).
 */
export function findReplayedCapture(
  frames: readonly Float32Array[],
  enrolment: Float32Array | null,
  earlier: readonly Float32Array[],
  floor: number,
): ReplayFinding | null {
  for (const [frameIndex, frame] of frames.entries()) {
    const toEnrolment = enrolment === null ? Number.POSITIVE_INFINITY : descriptorDistance(frame, enrolment);
    if (toEnrolment < floor) return { frameIndex, distance: toEnrolment, source: 'the enrolment image' };
    for (const known of earlier) {
      const distance = descriptorDistance(frame, known);
      if (distance < floor) return { frameIndex, distance, source: 'a frame of an earlier face check' };
    }
  }
  return null;
}
