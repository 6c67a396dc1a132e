import type { TFunction } from 'i18next';

import type { PaperQuestion } from '../exams/paper-questions';

/** A question as staff recognise it: its number on the paper and the start of its stem (else a neutral name). */
export function questionName(
  questionId: string,
  paper: readonly Pick<PaperQuestion, 'questionId' | 'number' | 'label'>[],
  t: TFunction,
): string {
  const question = paper.find((q) => q.questionId === questionId);
  return question
    ? t('marking.questionName', { number: question.number, label: question.label })
    : t('marking.questionUnknown', { id: questionId.slice(0, 8) });
}
