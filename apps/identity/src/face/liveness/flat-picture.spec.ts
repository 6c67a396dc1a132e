import { headLandmarks, warpedLandmarks } from '../../../test/support/synthetic-head';
import { jitter, SIZE, texture, warped } from '../../../test/support/synthetic-pictures';
import { findFlatPicturePair } from './flat-picture';
import { facePatch } from './grey-image';
import { mirrorLabels } from './planar-edit';

describe('findFlatPicturePair', () => {
  const still = texture(11);
  const landmarks = headLandmarks(0.02);
  const SHEAR = [1, 0.12, -20, 0, 1, 0, 0, 0];
  const FLIP = [-1, 0, SIZE - 1, 0, 1, 0, 0, 0];
  const original = facePatch(still, landmarks);
  const sheared = facePatch(warped(still, SHEAR), jitter(warpedLandmarks(landmarks, SHEAR)));
  const mirror = facePatch(warped(still, FLIP), mirrorLabels(jitter(warpedLandmarks(landmarks, FLIP))));
  const otherA = facePatch(texture(23), headLandmarks(0.2));
  const otherB = facePatch(texture(31), headLandmarks(-0.2));

  it('should find the two edits of one still among three frames, whichever pair they are', () => {
    const sut = findFlatPicturePair([otherA, original, sheared]);

    expect(sut).toMatchObject({ first: 1, second: 2, mirrored: false });
    expect(sut?.correlation).toBeGreaterThan(0.95);
  });

  it('should find a mirror image of another frame through the side-swapped correspondence', () => {
    const sut = findFlatPicturePair([mirror, otherA, original]);

    expect(sut).toMatchObject({ first: 0, second: 2, mirrored: true });
  });

  it('should find nothing in frames of three different pictures', () => {
    expect(findFlatPicturePair([original, otherA, otherB])).toBeNull();
  });
});
