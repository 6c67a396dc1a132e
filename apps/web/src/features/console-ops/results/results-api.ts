import { api } from '../../../api/http';

export interface Spread {
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

export interface QuestionStatistics {
  questionId: string;
  /** Section and position, e.g. `1.3`. */
  number: string;
  type: string;
  /** The stem as plain text, shortened. */
  label: string;
  worth: number;
  takers: number;
  /** P value: mean share of the points earned (0 … 1). */
  difficulty: number | null;
  /** Upper-lower 27 % discrimination index (−1 … 1); null below the minimum cohort. */
  discrimination: number | null;
  /** Point-biserial correlation with the rest-score; null below the minimum cohort or without variance. */
  pointBiserial: number | null;
  /** too_hard, too_easy, low_discrimination, negative_point_biserial. */
  flags: string[];
}

/** An exam's statistics over each candidate's counted, graded attempt; nobody is named. */
export interface ExamStatistics {
  examId: string;
  title: string;
  candidates: number;
  maxScore: number;
  passScore: number;
  /** Fewer than 5 candidates: discrimination and point-biserial are not computed and nothing is flagged. */
  smallCohort: boolean;
  score: Spread & { standardDeviation: number | null };
  passed: number;
  passRate: number | null;
  timeUsedSeconds: Spread;
  distribution: { from: number; to: number; count: number }[];
  questions: QuestionStatistics[];
}

export interface ResultsRelease {
  examId: string;
  releasedAt: string;
  /** False when the results had already been released: nothing changed. */
  released: boolean;
}

const base = (institutionId: string, examId: string) => `/exam/institutions/${institutionId}/exams/${examId}`;

export function getStatistics(institutionId: string, examId: string): Promise<ExamStatistics> {
  return api<ExamStatistics>(`${base(institutionId, examId)}/statistics`);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function downloadStatistics(institutionId: string, examId: string): Promise<Blob> {
  return api<Blob>(`${base(institutionId, examId)}/statistics.xlsx`, {
    as: 'blob',
    headers: { accept: XLSX_TYPE },
  });
}

/** Idempotent: the first call releases (audited); later calls answer the same release. */
export function releaseResults(institutionId: string, examId: string): Promise<ResultsRelease> {
  return api<ResultsRelease>(`${base(institutionId, examId)}/results/release`, { method: 'POST' });
}
