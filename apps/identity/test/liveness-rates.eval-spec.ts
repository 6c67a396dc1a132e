import { describeWithData } from '@exam/testing';

import { WorkerPoolFaceEngine } from '../src/face/engine/worker-pool-face-engine';
import { FACES_DIR } from './support/factories';
import { type LivenessMeasurement, measureLiveness } from './support/liveness-measurement';

/**
 * The rates docs/face-liveness.md reports, asserted on the labelled faces with the real engine. Slow (about
 * 300 analyses, several minutes on two cores), so it is an evaluation, not part of `npm test`: run it with
 * `npm run eval:liveness` after changing a liveness rule or the engine. Genuine answers are different photos of the enrolled person; attacks are one still photo and
 * its 2-D edits (warp, perspective, mirror, near-copies).
 */
describeWithData(FACES_DIR, 'the labelled test faces (kept outside the repository)')(
  'liveness rates on the labelled faces (real engine)',
  () => {
    let measured: LivenessMeasurement;

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

    it('should refuse at least the share of one-still attacks that docs/face-liveness.md reports (19/30)', () => {
      const refused = measured.stills.filter((s) => s.passedWith === null);

      expect(measured.stills).toHaveLength(30);
      expect(measured.stills.filter((s) => s.kinds.includes('mirror')).length).toBeGreaterThanOrEqual(25);
      expect(refused.length).toBeGreaterThanOrEqual(19);
    });
  },
);
