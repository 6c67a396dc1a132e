import { headLandmarks, warpedLandmarks } from '../../../test/support/synthetic-head';
import { jitter, SIZE, texture, warped } from '../../../test/support/synthetic-pictures';
import { LIVENESS_FLAT_MAX_DRIFT, LIVENESS_FLAT_MIN_CORRELATION } from '../face.policy';
import { type FacePatch, facePatch } from './grey-image';
import { planarPixelAlignment } from './pixel-alignment';
import { mirrorLabels } from './planar-edit';

const planarPixelCorrelation = (a: FacePatch, b: FacePatch, mirrored: boolean): number =>
  planarPixelAlignment(a, b, mirrored).correlation;

describe('planarPixelAlignment', () => {
  const still = texture(7);
  const landmarks = headLandmarks(0.02);
  const original = facePatch(still, landmarks);
  const PERSPECTIVE = [0.9, 0.05, 30, -0.04, 1, 10, 0.0004, 0];

  it('should find a perspective warp of a still to be the same picture despite landmark error', () => {
    const edit = facePatch(warped(still, PERSPECTIVE), jitter(warpedLandmarks(landmarks, PERSPECTIVE)));
    const alignment = planarPixelAlignment(original, edit, false);

    expect(alignment.correlation).toBeGreaterThan(LIVENESS_FLAT_MIN_CORRELATION);
    expect(alignment.drift).toBeLessThan(LIVENESS_FLAT_MAX_DRIFT);
  });

  it('should find a mirrored still only through the mirrored correspondence', () => {
    const flip = [-1, 0, SIZE - 1, 0, 1, 0, 0, 0];
    // The detector labels the subject's own sides: the mirrored picture's landmarks come relabelled.
    const edit = facePatch(warped(still, flip), mirrorLabels(jitter(warpedLandmarks(landmarks, flip))));

    expect(planarPixelCorrelation(original, edit, true)).toBeGreaterThan(0.95);
    expect(planarPixelCorrelation(original, edit, false)).toBeLessThan(0.9);
  });

  it('should not align two different pictures', () => {
    const other = facePatch(texture(99), headLandmarks(0.2));

    const direct = planarPixelAlignment(original, other, false);
    const mirrored = planarPixelAlignment(original, other, true);

    // Either the pixels do not match, or they match only by folding far away from the landmarks.
    for (const alignment of [direct, mirrored])
      expect(
        alignment.correlation < LIVENESS_FLAT_MIN_CORRELATION || alignment.drift > LIVENESS_FLAT_MAX_DRIFT,
      ).toBe(true);
  });
});
