import { distribution, mean, median, pearson, standardDeviation } from './descriptive';
import { type CohortAttempt, examStatistics } from './exam-statistics';
import { analyseItem, MIN_ITEM_COHORT } from './item-analysis';

/**
 * A designed cohort of five with two right/wrong questions worth 1 point each (values worked by hand):
 * A (1,1)=2, B (1,0)=1, C (1,1)=2, D (0,0)=0, E (1,0)=1.
 */
const COHORT = [
  { candidate: 'A', q1: 1, q2: 1 },
  { candidate: 'B', q1: 1, q2: 0 },
  { candidate: 'C', q1: 1, q2: 1 },
  { candidate: 'D', q1: 0, q2: 0 },
  { candidate: 'E', q1: 1, q2: 0 },
].map((c, i) => ({
  candidate: c.candidate,
  score: c.q1 + c.q2,
  timeUsedSeconds: 600 * (i + 1),
  questionScores: { q1: c.q1, q2: c.q2 },
}));

describe('exam statistics', () => {
  describe('descriptive', () => {
    it('should compute mean, median (odd and even) and the population standard deviation', () => {
      expect(mean([2, 1, 2, 0, 1])).toBeCloseTo(1.2, 10);
      expect(median([2, 1, 2, 0, 1])).toBe(1);
      expect(median([4, 1, 3, 2])).toBe(2.5);
      // Deviations from 1.2: 0.8, -0.2, 0.8, -1.2, -0.2 → squares sum 2.8 → variance 0.56.
      expect(standardDeviation([2, 1, 2, 0, 1])).toBeCloseTo(Math.sqrt(0.56), 10);
      expect(mean([])).toBeNull();
      expect(median([])).toBeNull();
    });

    it('should put scores into ten bands of the maximum, the full score into the last', () => {
      const bands = distribution([0, 1.39, 1.4, 7, 13.99, 14], 14);
      expect(bands).toHaveLength(10);
      expect(bands.map((b) => b.count)).toEqual([2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
      expect(bands[5]).toEqual({ from: 7, to: 8.4, count: 1 });
    });

    it('should answer null for a correlation of a series that does not vary', () => {
      expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
      expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 10);
      expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 10);
    });
  });

  describe('item analysis', () => {
    it('should compute P, the 27 % discrimination index and the point-biserial with the rest-score', () => {
      const stats = examStatistics(
        COHORT,
        [
          { questionId: 'q1', worth: 1 },
          { questionId: 'q2', worth: 1 },
        ],
        2,
        2,
      );
      expect(stats).toMatchObject({
        candidates: 5,
        smallCohort: false,
        passed: 2,
        passRate: 0.4,
        score: { mean: 1.2, median: 1, min: 0, max: 2 },
        timeUsedSeconds: { mean: 1800, median: 1800, min: 600, max: 3000 },
      });
      const [q1, q2] = stats.questions;
      // P1 = 4/5. Groups of round(0.27·5) = 1: upper A (2, first by name among the 2s), lower D (0): D = 1 − 0.
      // r(q1, rest) = cov 0.4 / √(0.8 · 1.2) = 0.4082.
      expect(q1).toMatchObject({ takers: 5, difficulty: 0.8, discrimination: 1, flags: [] });
      expect(q1.pointBiserial).toBeCloseTo(0.4082, 4);
      expect(q2).toMatchObject({ difficulty: 0.4, discrimination: 1, flags: [] });
      expect(q2.pointBiserial).toBeCloseTo(0.4082, 4);
    });

    it('should flag too hard, too easy, low discrimination and a negative point-biserial', () => {
      const totals = [10, 8, 6, 4, 2];
      const everyone = (awarded: (i: number) => number) =>
        totals.map((total, i) => ({ candidate: String(i), total, awarded: awarded(i) }));
      expect(
        analyseItem(
          everyone(() => 0),
          1,
        ).flags,
      ).toEqual(['too_hard', 'low_discrimination']);
      expect(
        analyseItem(
          everyone(() => 1),
          1,
        ).flags,
      ).toEqual(['too_easy', 'low_discrimination']);
      // Only the weakest candidates got it: D = 0 − 1 and the correlation with the rest is negative.
      const inverted = analyseItem(
        everyone((i) => (i >= 3 ? 1 : 0)),
        1,
      );
      expect(inverted.discrimination).toBe(-1);
      expect(inverted.flags).toEqual(['low_discrimination', 'negative_point_biserial']);
      expect(inverted.pointBiserial).toBeLessThan(0);
    });

    it('should report only P below the minimum cohort, without flags', () => {
      const few = Array.from({ length: MIN_ITEM_COHORT - 1 }, (_, i) => ({
        candidate: String(i),
        total: i,
        awarded: 0,
      }));
      expect(analyseItem(few, 2)).toEqual({
        takers: MIN_ITEM_COHORT - 1,
        difficulty: 0,
        discrimination: null,
        pointBiserial: null,
        flags: [],
      });
      expect(examStatistics([], [{ questionId: 'q', worth: 1 }], 10, 5)).toMatchObject({
        candidates: 0,
        smallCohort: true,
        passRate: null,
        score: { mean: null, median: null },
        questions: [],
      });
    });

    it('should use the share of points on partial-credit questions and skip questions a candidate did not get', () => {
      const cohort: CohortAttempt[] = [
        { candidate: 'a', score: 4, timeUsedSeconds: 1, questionScores: { q: 2 } },
        { candidate: 'b', score: 1, timeUsedSeconds: 1, questionScores: { q: 1 } },
        { candidate: 'c', score: 0, timeUsedSeconds: 1, questionScores: { other: 0 } },
      ];
      const [q] = examStatistics(cohort, [{ questionId: 'q', worth: 4 }], 4, 2).questions;
      // (2/4 + 1/4) / 2 takers.
      expect(q).toMatchObject({ takers: 2, difficulty: 0.375 });
    });
  });
});
