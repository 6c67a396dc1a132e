import type { Point } from '../engine/face-engine';
import { LIVENESS_FLAT_MAX_DRIFT, LIVENESS_FLAT_MIN_CORRELATION, MAX_IMAGE_PIXELS } from '../face.policy';
import { decodeGrey, type FacePatch, facePatch } from './grey-image';
import { type PlanarAlignment, planarPixelAlignment } from './pixel-alignment';

export interface FlatPictureFinding {
  readonly first: number;
  readonly second: number;
  readonly mirrored: boolean;
  readonly correlation: number;
}

/** The face of each capture, cut out and resampled for the pixel comparison. */
export function capturePatches(
  captures: readonly { readonly image: Buffer; readonly landmarks: readonly Point[] }[],
): FacePatch[] {
  return captures.map((capture) => facePatch(decodeGrey(capture.image, MAX_IMAGE_PIXELS), capture.landmarks));
}

/**
 * The first pair of frames (every pair, not only the turned one) whose faces are one picture edited in 2-D:
 * after the best plane alignment, directly or as a mirror image, their pixels correlate at
 * LIVENESS_FLAT_MIN_CORRELATION or more (see pixel-alignment.ts). Frames of one still always contain such a
 * pair: each is a warp of the still or of its mirror, so of three frames two are warps of the same picture.
 * Direct fits of all pairs are tried before mirrored ones (cheaper refusals first).
 */
export function findFlatPicturePair(
  patches: readonly FacePatch[],
  pairs: readonly FramePair[] = allPairs(patches.length),
): FlatPictureFinding | null {
  return findFlatPairWith(pairs, (first, second, mirrored) =>
    planarPixelAlignment(patches[first], patches[second], mirrored),
  );
}

/** Two frames of an answer, by index (first < second). */
export type FramePair = readonly [number, number];

export function allPairs(count: number): FramePair[] {
  const pairs: FramePair[] = [];
  for (let first = 0; first < count; first += 1)
    for (let second = first + 1; second < count; second += 1) pairs.push([first, second]);
  return pairs;
}

/** The search of findFlatPicturePair over any alignment of frame pairs (the measurement memoises them). */
export function findFlatPairWith(
  pairs: readonly FramePair[],
  align: (first: number, second: number, mirrored: boolean) => PlanarAlignment | null,
): FlatPictureFinding | null {
  for (const mirrored of [false, true]) {
    for (const [first, second] of pairs) {
      const alignment = align(first, second, mirrored);
      if (alignment !== null && isPlaneEdit(alignment))
        return { first, second, mirrored, correlation: alignment.correlation };
    }
  }
  return null;
}

/** The decision on one aligned pair: the same picture, up to a plane warp (and a mirror). */
export function isPlaneEdit(alignment: PlanarAlignment): boolean {
  return alignment.correlation >= LIVENESS_FLAT_MIN_CORRELATION && alignment.drift <= LIVENESS_FLAT_MAX_DRIFT;
}
