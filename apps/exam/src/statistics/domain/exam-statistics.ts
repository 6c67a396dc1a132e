import { type Bucket, distribution, mean, median, round, standardDeviation } from './descriptive';
import { analyseItem, type ItemStatistics, MIN_ITEM_COHORT } from './item-analysis';

/** The counted, graded attempt of one candidate. */
export interface CohortAttempt {
  /** A stable, de-identified key of the candidate (the per-exam pseudonym). */
  readonly candidate: string;
  readonly score: number;
  readonly timeUsedSeconds: number;
  /** Points per question the candidate had (draws differ between candidates). */
  readonly questionScores: Readonly<Record<string, number | null>>;
}

export interface StatisticsQuestion {
  readonly questionId: string;
  readonly worth: number;
}

export interface SpreadSummary {
  readonly mean: number | null;
  readonly median: number | null;
  readonly min: number | null;
  readonly max: number | null;
}

export interface ExamStatistics {
  readonly candidates: number;
  readonly maxScore: number;
  readonly passScore: number;
  /** Fewer candidates than MIN_ITEM_COHORT: discrimination and point-biserial are not computed. */
  readonly smallCohort: boolean;
  readonly score: SpreadSummary & { readonly standardDeviation: number | null };
  readonly passed: number;
  readonly passRate: number | null;
  readonly timeUsedSeconds: SpreadSummary;
  readonly distribution: Bucket[];
  readonly questions: (ItemStatistics & StatisticsQuestion)[];
}

function spread(values: readonly number[]): SpreadSummary {
  const m = mean(values);
  const md = median(values);
  return {
    mean: m === null ? null : round(m, 2),
    median: md === null ? null : round(md, 2),
    min: values.length === 0 ? null : Math.min(...values),
    max: values.length === 0 ? null : Math.max(...values),
  };
}

/** Statistics of an exam over one counted, graded attempt per candidate; pure. */
export function examStatistics(
  cohort: readonly CohortAttempt[],
  questions: readonly StatisticsQuestion[],
  maxScore: number,
  passScore: number,
): ExamStatistics {
  const scores = cohort.map((a) => a.score);
  const passed = cohort.filter((a) => a.score >= passScore).length;
  const sd = standardDeviation(scores);
  const items = questions
    .map((q) => {
      const responses = cohort.flatMap((a) => {
        // A question the candidate did not get (draws) is absent; one still unmarked is null.
        const awarded = a.questionScores[q.questionId] ?? null;
        return awarded === null ? [] : [{ candidate: a.candidate, total: a.score, awarded }];
      });
      return { ...q, ...analyseItem(responses, q.worth) };
    })
    .filter((q) => q.takers > 0);
  return {
    candidates: cohort.length,
    maxScore,
    passScore,
    smallCohort: cohort.length < MIN_ITEM_COHORT,
    score: { ...spread(scores), standardDeviation: sd === null ? null : round(sd, 2) },
    passed,
    passRate: cohort.length === 0 ? null : round(passed / cohort.length, 4),
    timeUsedSeconds: spread(cohort.map((a) => a.timeUsedSeconds)),
    distribution: distribution(scores, maxScore),
    questions: items,
  };
}
