import { describeWithData } from '@exam/testing';

import { WorkerPoolFaceEngine } from '../src/face/engine/worker-pool-face-engine';
import { FACES_DIR } from './support/factories';
import { type LivenessMeasurement, measureLiveness } from './support/liveness-measurement';

/**
 * The rates docs/face-liveness.md reports, asserted on the labelled faces with the real engine (slow: about
 * 300 analyses). Genuine answers are different photos of the enrolled person; attacks are one still photo and
 * its 2-D edits (warp, perspective, mirror, near-copies).
 */
describeWithData(FACES_DIR, 'the labelled test faces (kept outside the repository)')(
  'liveness rates on the labelled faces (real engine)',
  () => {
    let measured: LivenessMeasurement;

    beforeAll(async () => {
      const engine = await WorkerPoolFaceEngine.start({ workers: 1 });
      try {
        measured = await measureLiveness(engine, FACES_DIR);
      } finally {
        await engine.close();
      }
    }, 1_500_000);

    it('should pass every genuine answer of the set', () => {
      expect(measured.genuine.length).toBeGreaterThanOrEqual(10);
      expect(measured.genuine.filter((g) => !g.passed)).toEqual([]);
    });

    it('should refuse every answer made from the enrolment image', () => {
      const enrolmentStills = measured.stills.filter((s) => s.kind === 'enrolment still');

      expect(enrolmentStills).toHaveLength(6);
      expect(enrolmentStills.filter((s) => s.passedWith !== null)).toEqual([]);
    });

    it('should refuse every answer made from one other still by warp, perspective, mirror or near-copy', () => {
      const others = measured.stills.filter((s) => s.kind === 'other still');

      expect(others).toHaveLength(24);
      expect(others.every((s) => s.kinds.includes('mirror') && s.kinds.includes('perspective'))).toBe(true);
      expect(others.filter((s) => s.passedWith !== null)).toEqual([]);
    });
  },
);
