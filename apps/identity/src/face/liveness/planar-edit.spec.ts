import { headLandmarks, warpedLandmarks } from '../../../test/support/synthetic-head';
import { homographyResidual, mirrorLabels, planarFit } from './planar-edit';

describe('planar edit geometry', () => {
  it('should fit any plane transform of one landmark set with near-zero residual', () => {
    const still = headLandmarks(0.05);

    expect(
      homographyResidual(still, warpedLandmarks(still, [1.1, 0.2, 7, -0.1, 0.9, 3, 0.001, -0.0005])),
    ).toBeLessThan(1e-6);
    expect(homographyResidual(still, warpedLandmarks(still, [0.5, 0, 0, 0, 0.5, 0, 0, 0]))).toBeLessThan(
      1e-6,
    );
  });

  it('should leave a clear residual between a head turned left and right in 3-D', () => {
    expect(homographyResidual(headLandmarks(0.15), headLandmarks(-0.15))).toBeGreaterThan(0.085);
  });

  it('should see a mirror image only after relabelling it the way a mirror swaps sides', () => {
    const still = headLandmarks(0.15);
    const detectedInMirror = mirrorLabels(warpedLandmarks(still, [-1, 0, 300, 0, 1, 0, 0, 0]));

    const sut = planarFit(still, detectedInMirror);

    expect(sut.mirrored).toBeLessThan(1e-6);
    expect(sut.direct).toBeGreaterThan(0.085);
  });

  it('should map mirror partners onto each other and keep the symmetry axis', () => {
    const indexed = Array.from({ length: 68 }, (_, i) => ({ x: i, y: 0 }));

    const sut = mirrorLabels(indexed).map((p) => p.x);

    expect([sut[0], sut[16], sut[30], sut[36], sut[45], sut[48], sut[54], sut[66]]).toEqual([
      16, 0, 30, 45, 36, 54, 48, 66,
    ]);
    expect(mirrorLabels(mirrorLabels(indexed))).toEqual(indexed);
  });

  it('should refuse sets of different sizes and call too few points degenerate', () => {
    expect(() => homographyResidual([{ x: 0, y: 0 }], [])).toThrow(RangeError);
    expect(homographyResidual([{ x: 0, y: 0 }], [{ x: 1, y: 1 }])).toBe(Number.POSITIVE_INFINITY);
    expect(() => mirrorLabels([{ x: 0, y: 0 }])).toThrow(RangeError);
  });
});
