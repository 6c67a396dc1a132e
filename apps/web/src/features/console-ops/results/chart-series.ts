import type { ExamStatistics } from './results-api';

export interface DistributionSeries {
  /** Band names, e.g. `0–2.4`, `2.4–4.8`, the last band including the full mark. */
  labels: string[];
  counts: number[];
}

export interface QuestionSeries {
  /** Question numbers on the paper, e.g. `1.3`. */
  labels: string[];
  difficulty: (number | null)[];
  discrimination: (number | null)[];
  pointBiserial: (number | null)[];
}

export interface PassSeries {
  passed: number;
  failed: number;
}

const trim = (n: number): string => String(Math.round(n * 100) / 100);

/** The score distribution as bar-chart data (bands of equal width from 0 to the full mark). Pure. */
export function distributionSeries(stats: Pick<ExamStatistics, 'distribution'>): DistributionSeries {
  return {
    labels: stats.distribution.map((b) => `${trim(b.from)}–${trim(b.to)}`),
    counts: stats.distribution.map((b) => b.count),
  };
}

/** Each question's P value, discrimination and point-biserial, in paper order (null: not computed). Pure. */
export function questionSeries(stats: Pick<ExamStatistics, 'questions'>): QuestionSeries {
  return {
    labels: stats.questions.map((q) => q.number),
    difficulty: stats.questions.map((q) => q.difficulty),
    discrimination: stats.questions.map((q) => q.discrimination),
    pointBiserial: stats.questions.map((q) => q.pointBiserial),
  };
}

/** Passed and failed candidates, for the pass-rate chart. Pure. */
export function passSeries(stats: Pick<ExamStatistics, 'candidates' | 'passed'>): PassSeries {
  return { passed: stats.passed, failed: Math.max(0, stats.candidates - stats.passed) };
}

/** The bands where candidates are, `label: count` each, for a chart's text alternative. Pure. */
export function occupiedBands(series: DistributionSeries): { label: string; count: number }[] {
  return series.labels
    .map((label, i) => ({ label, count: series.counts[i] ?? 0 }))
    .filter((band) => band.count > 0);
}
