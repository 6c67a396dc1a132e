import type { QuestionStatistics } from './results-api';

/**
 * How badly a flag says a question behaves: a negative point-biserial (the strong candidates do worse on it)
 * often means a wrong key, so it is alarming; too hard, too easy and low discrimination ask for a look.
 */
export type FlagSeverity = 'alarming' | 'warning';

export const FLAG_SEVERITY: Readonly<Record<string, FlagSeverity>> = {
  negative_point_biserial: 'alarming',
  too_hard: 'warning',
  too_easy: 'warning',
  low_discrimination: 'warning',
};

/** A question's row highlight: the most severe of its flags (an unknown flag counts as a warning), or null. Pure. */
export function highlightOf(question: Pick<QuestionStatistics, 'flags'>): FlagSeverity | null {
  if (question.flags.length === 0) return null;
  return question.flags.some((f) => FLAG_SEVERITY[f] === 'alarming') ? 'alarming' : 'warning';
}

/** The questions that behave badly, the alarming ones first, otherwise in paper order. Pure. */
export function flaggedQuestions<T extends Pick<QuestionStatistics, 'flags'>>(questions: readonly T[]): T[] {
  const rank = (q: T) => (highlightOf(q) === 'alarming' ? 0 : 1);
  return questions.filter((q) => highlightOf(q) !== null).sort((a, b) => rank(a) - rank(b));
}

/** Which of a question's indices a flag concerns, to mark that cell too. Pure. */
export function flaggedIndices(
  question: Pick<QuestionStatistics, 'flags'>,
): Set<'difficulty' | 'discrimination' | 'pointBiserial'> {
  const out = new Set<'difficulty' | 'discrimination' | 'pointBiserial'>();
  for (const flag of question.flags) {
    if (flag === 'too_hard' || flag === 'too_easy') out.add('difficulty');
    if (flag === 'low_discrimination') out.add('discrimination');
    if (flag === 'negative_point_biserial') out.add('pointBiserial');
  }
  return out;
}
