import { describeWithData } from '@exam/testing';

import { WorkerPoolFaceEngine } from '../src/face/engine/worker-pool-face-engine';
import { LIVENESS_FLAT_MAX_DRIFT, LIVENESS_FLAT_MIN_CORRELATION } from '../src/face/face.policy';
import { FACES_DIR } from './support/factories';
import { type LivenessMeasurement, measureLiveness, type PairScore } from './support/liveness-measurement';

/**
 * The rates docs/face-liveness.md reports, asserted on the labelled faces with the real engine. Slow (about
 * 330 analyses and 2,000 pixel alignments, several minutes on two cores), so it is an evaluation, not part of
 * `npm test`: run it with `npm run eval:liveness` after changing a liveness rule or the engine. Genuine answers
 * are different photos of the enrolled person; attacks are one still photo and its 2-D edits (warp,
 * perspective, mirror, near-copies).
 */
describeWithData(FACES_DIR, 'the labelled test faces (kept outside the repository)')(
  'liveness rates on the labelled faces (real engine)',
  () => {
    let measured: LivenessMeasurement;
    const planeEdit = (pair: PairScore): boolean =>
      pair.correlation >= LIVENESS_FLAT_MIN_CORRELATION && pair.drift <= LIVENESS_FLAT_MAX_DRIFT;

    beforeAll(async () => {
      const engine = await WorkerPoolFaceEngine.start({ workers: 2 });
      try {
        measured = await measureLiveness(engine, FACES_DIR);
      } finally {
        await engine.close();
      }
    }, 1_500_000);

    it('should pass every genuine answer of the set (5/5 in docs/face-liveness.md)', () => {
      expect(measured.genuine.length).toBeGreaterThanOrEqual(5);
      expect(measured.genuine.filter((g) => !g.passed)).toEqual([]);
    });

    it('should refuse every one-still attack (30/30 in docs/face-liveness.md), every answer by some rule', () => {
      expect(measured.stills).toHaveLength(30);
      expect(measured.stills.filter((s) => s.kinds.includes('mirror')).length).toBeGreaterThanOrEqual(25);
      expect(measured.stills.filter((s) => s.passedWith !== null)).toEqual([]);
      for (const still of measured.stills) {
        const refused = Object.values(still.refusedBy).reduce((sum, n) => sum + n, 0);
        expect({ still: still.still, refused }).toEqual({ still: still.still, refused: still.answers });
      }
      const byPixels = measured.stills.reduce(
        (sum, s) =>
          sum +
          (s.refusedBy['pixels: two frames one picture warped'] ?? 0) +
          (s.refusedBy['pixels: two frames one picture mirrored and warped'] ?? 0),
        0,
      );
      expect(byPixels).toBeGreaterThan(0);
    });

    it('should take every pair of edits of one still, and no pair of different photos, for one picture', () => {
      expect(measured.editPairs.length).toBeGreaterThan(1000);
      expect(measured.editPairs.filter((pair) => !planeEdit(pair))).toEqual([]);
      expect(measured.photoPairs.length).toBeGreaterThanOrEqual(50);
      expect(measured.photoPairs.filter(planeEdit)).toEqual([]);
    });
  },
);
