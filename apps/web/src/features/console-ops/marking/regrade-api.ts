import { api } from '../../../api/http';

export type KeyChangeAction = 'accept' | 'replace' | 'drop';

export interface KeyChangeBody {
  questionId: string;
  action: KeyChangeAction;
  choices?: string[];
  truth?: boolean;
  blanks?: { accepted: string[] }[];
  reason: string;
}

export interface RegradeProgress {
  processed: number;
  changed: number;
  nextAfter: string | null;
}

export interface KeyChangeResult {
  questionId: string;
  dropped: boolean;
  correct: string[] | null;
  truth: boolean | null;
  accepted: string[][] | null;
  reason: string;
  changedAt: string;
  regrade: RegradeProgress;
}

export interface ScoreChange {
  questionId: string;
  oldScore: number | null;
  newScore: number | null;
  reason: string;
  actorId: string | null;
  note: string;
  at: string;
}

const base = (institutionId: string, examId: string) => `/exam/institutions/${institutionId}/exams/${examId}`;

/** Changes the key and regrades the first batch of closed attempts (org_admin). */
export function changeKey(
  institutionId: string,
  examId: string,
  body: KeyChangeBody,
): Promise<KeyChangeResult> {
  return api<KeyChangeResult>(`${base(institutionId, examId)}/key-changes`, { method: 'POST', body });
}

/** Regrades the next batch after `after` (org_admin). */
export function regradeNext(institutionId: string, examId: string, after: string): Promise<RegradeProgress> {
  return api<RegradeProgress>(`${base(institutionId, examId)}/regrade`, { method: 'POST', body: { after } });
}

export async function scoreHistory(
  institutionId: string,
  examId: string,
  attemptId: string,
): Promise<ScoreChange[]> {
  return (
    await api<{ attemptId: string; items: ScoreChange[] }>(
      `${base(institutionId, examId)}/attempts/${attemptId}/score-history`,
    )
  ).items;
}
