import type { Answer, AnswerPart, Paper, PaperQuestion, QuestionView } from './types';

function partAnswered(view: QuestionView, part: AnswerPart | undefined): boolean {
  if (part === undefined) return false;
  switch (view.type) {
    case 'single':
      return part.choice !== undefined;
    case 'multiple':
      return (part.choices?.length ?? 0) > 0;
    case 'true_false':
      return part.truth !== undefined;
    case 'fill_blank':
      return (part.blanks ?? []).some((b) => b.trim() !== '');
    case 'essay':
      return (part.text ?? '').trim() !== '';
    case 'composite':
      return false;
  }
}

/**
 * Whether the candidate answered the question (a composite when any sub-question has an answer, a fill-in when
 * any blank is filled): what the navigator marks and the submit summary counts.
 */
export function isAnswered(view: QuestionView, answer: Answer | undefined): boolean {
  if (answer === undefined) return false;
  if (view.type !== 'composite') return partAnswered(view, answer);
  const subs = view.subQuestions ?? [];
  return subs.some((sub, i) => partAnswered(sub, answer.parts?.[i]));
}

/** The paper's questions in order, each with its number (1-based) as the candidate sees it. */
export function flatQuestions(paper: Paper): (PaperQuestion & { readonly number: number })[] {
  let number = 0;
  return paper.sections.flatMap((s) => s.questions.map((q) => ({ ...q, number: (number += 1) })));
}

/** Two answers mean the same (to skip saving an edit that changed nothing). */
export function sameAnswer(a: Answer | undefined, b: Answer | undefined): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}
