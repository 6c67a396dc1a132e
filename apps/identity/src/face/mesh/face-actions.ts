import { LIVENESS_EYES_CLOSED_MAX_RATIO, LIVENESS_MOUTH_OPEN_MIN_RATIO } from '../face.policy';
import type { Point3 } from './face-mesh';

/** Face actions a challenge can ask for besides head turns; each is shown in one frame, judged on the mesh. */
export const FACE_ACTIONS = ['close_eyes', 'open_mouth'] as const;
export type FaceAction = (typeof FACE_ACTIONS)[number];

/**
 * MediaPipe face-mesh indices (the mesh of @vladmandic/human): per eye the two corners and two upper/lower
 * eyelid pairs; the inner lips' midpoints and the mouth corners.
 */
const EYES = [
  {
    corners: [33, 133],
    lids: [
      [160, 144],
      [158, 153],
    ],
  },
  {
    corners: [263, 362],
    lids: [
      [385, 380],
      [387, 373],
    ],
  },
] as const;
const MOUTH = { lips: [13, 14], corners: [61, 291] } as const;

function distance(mesh: readonly Point3[], a: number, b: number): number {
  const p = mesh.at(a);
  const q = mesh.at(b);
  if (p === undefined || q === undefined) throw new RangeError('a face mesh of 468 points or more expected');
  return Math.hypot(p.x - q.x, p.y - q.y);
}

/** Eye aspect ratio (lid opening over eye width), both eyes averaged: ~0.25-0.35 open, near 0 closed. */
export function eyeAspectRatio(mesh: readonly Point3[]): number {
  const ratios = EYES.map(({ corners, lids }) => {
    const width = distance(mesh, corners[0], corners[1]);
    const opening = lids.reduce((sum, [upper, lower]) => sum + distance(mesh, upper, lower), 0) / lids.length;
    return width > 0 ? opening / width : 0;
  });
  return ratios.reduce((sum, r) => sum + r, 0) / ratios.length;
}

/** Mouth aspect ratio (inner-lip opening over mouth width): ~0-0.1 closed, up to ~0.4 speaking or laughing, 0.5+ wide open. */
export function mouthAspectRatio(mesh: readonly Point3[]): number {
  const width = distance(mesh, MOUTH.corners[0], MOUTH.corners[1]);
  return width > 0 ? distance(mesh, MOUTH.lips[0], MOUTH.lips[1]) / width : 0;
}

export function isFaceAction(step: string): step is FaceAction {
  return (FACE_ACTIONS as readonly string[]).includes(step);
}

/**
 * Why the frame's mesh does not show the action asked for, or null when it does. Closed eyes and an open
 * mouth are states a still photo of the person rarely shows and a 2-D edit of one cannot produce.
 */
export function faceActionProblem(action: FaceAction, mesh: readonly Point3[]): string | null {
  switch (action) {
    case 'close_eyes': {
      const ratio = eyeAspectRatio(mesh);
      return ratio <= LIVENESS_EYES_CLOSED_MAX_RATIO
        ? null
        : `the eyes are open (eye aspect ratio ${ratio.toFixed(2)} > ${LIVENESS_EYES_CLOSED_MAX_RATIO})`;
    }
    case 'open_mouth': {
      const ratio = mouthAspectRatio(mesh);
      return ratio >= LIVENESS_MOUTH_OPEN_MIN_RATIO
        ? null
        : `the mouth is not open (mouth aspect ratio ${ratio.toFixed(2)} < ${LIVENESS_MOUTH_OPEN_MIN_RATIO})`;
    }
  }
}

/**
 * A blink over a timed sequence of eye aspect ratios (one per frame, in capture order): open, then closed,
 * then open again. For a capture burst; a one-frame-per-step answer uses close_eyes instead.
 */
export function showsBlink(ratios: readonly number[]): boolean {
  const closedAt = ratios.findIndex((r) => r <= LIVENESS_EYES_CLOSED_MAX_RATIO);
  if (closedAt <= 0) return false;
  const openBefore = ratios.slice(0, closedAt).some((r) => r >= 2 * LIVENESS_EYES_CLOSED_MAX_RATIO);
  const openAfter = ratios.slice(closedAt + 1).some((r) => r >= 2 * LIVENESS_EYES_CLOSED_MAX_RATIO);
  return openBefore && openAfter;
}
