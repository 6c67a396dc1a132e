import { api } from '../../../api/http';

export interface QuestionProgress {
  questionId: string;
  toMark: number;
  inReconciliation: number;
  marked: number;
}

export interface MarkingProgress {
  examId: string;
  doubleMarking: boolean;
  /** How two marks that disagree are settled (exam settings): e.g. `average` or `third_marker`. */
  reconciliation: string;
  toleranceFraction: number;
  step: number;
  questions: QuestionProgress[];
}

export interface MarkingPassage {
  /** The sub-question's position in a composite question; null for an essay question. */
  part: number | null;
  stem: string;
  rubric: string;
  text: string;
  points: number;
}

/** One anonymous answer to mark: the exam's opaque script id only, never a candidate. */
export interface MarkingTask {
  scriptId: string;
  questionId: string;
  status: string;
  maxMark: number;
  step: number;
  claimExpiresAt: string | null;
  passages: MarkingPassage[];
  /** The two marks that disagreed, for the reconciling marker (without who gave them). */
  earlierMarks: { round: number; mark: number; comment: string }[];
}

export interface MarkResult {
  scriptId: string;
  questionId: string;
  status: string;
  marksGiven: number;
  finalMark: number | null;
}

const base = (institutionId: string, examId: string) =>
  `/exam/institutions/${institutionId}/exams/${examId}/marking`;

export function getMarkingProgress(institutionId: string, examId: string): Promise<MarkingProgress> {
  return api<MarkingProgress>(`${base(institutionId, examId)}/questions`);
}

/** Claims the next answers of one question for the caller, in the server's (per-marker) order. */
export async function claimBatch(
  institutionId: string,
  examId: string,
  questionId: string,
  size = 10,
): Promise<MarkingTask[]> {
  const batch = await api<{ items: MarkingTask[] }>(
    `${base(institutionId, examId)}/questions/${questionId}/batch`,
    { method: 'POST', body: { size } },
  );
  return batch.items;
}

export function giveMark(
  institutionId: string,
  examId: string,
  task: Pick<MarkingTask, 'questionId' | 'scriptId'>,
  mark: number,
  comment: string,
): Promise<MarkResult> {
  return api<MarkResult>(
    `${base(institutionId, examId)}/questions/${task.questionId}/scripts/${task.scriptId}/marks`,
    { method: 'POST', body: { mark, ...(comment.trim() === '' ? {} : { comment: comment.trim() }) } },
  );
}

/** Changes the final mark of a marked answer, with the reason kept in the score history (org_admin). */
export function changeFinalMark(
  institutionId: string,
  examId: string,
  task: Pick<MarkingTask, 'questionId' | 'scriptId'>,
  mark: number,
  reason: string,
): Promise<MarkResult> {
  return api<MarkResult>(
    `${base(institutionId, examId)}/questions/${task.questionId}/scripts/${task.scriptId}/final-mark`,
    { method: 'PUT', body: { mark, reason } },
  );
}
