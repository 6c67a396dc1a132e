import { isAnswered } from './answers';
import type { Answer, QuestionView } from './types';

export interface NavigatorItem {
  readonly questionId: string;
  /** 1-based, as the candidate sees it. */
  readonly number: number;
  readonly answered: boolean;
  readonly flagged: boolean;
  readonly current: boolean;
}

/** Each question's mark in the navigator: answered, flagged for review, the one on screen. */
export function navigatorItems(
  questions: readonly { readonly questionId: string; readonly view: QuestionView }[],
  answers: ReadonlyMap<string, Answer>,
  flagged: ReadonlySet<string>,
  currentIndex: number,
): NavigatorItem[] {
  return questions.map((q, i) => ({
    questionId: q.questionId,
    number: i + 1,
    answered: isAnswered(q.view, answers.get(q.questionId)),
    flagged: flagged.has(q.questionId),
    current: i === currentIndex,
  }));
}

/** What the submit confirmation lists: how many are answered, and the numbers left blank or flagged. */
export function submitSummary(items: readonly NavigatorItem[]): {
  readonly total: number;
  readonly answered: number;
  readonly unanswered: readonly number[];
  readonly flagged: readonly number[];
} {
  return {
    total: items.length,
    answered: items.filter((i) => i.answered).length,
    unanswered: items.filter((i) => !i.answered).map((i) => i.number),
    flagged: items.filter((i) => i.flagged).map((i) => i.number),
  };
}

/**
 * Keyboard moves in the navigator grid (one tab stop, arrows between questions): left/right by one, up/down by
 * a row of `columns`, Home/End to the ends. Null for any other key, so it is left to the browser.
 */
export function moveFocus(index: number, key: string, count: number, columns: number): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.min(count - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      return clamp(index + Math.max(1, columns));
    case 'ArrowUp':
      return clamp(index - Math.max(1, columns));
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Flags or unflags a question for review (a new set, for React state). */
export function toggleFlag(flagged: ReadonlySet<string>, questionId: string): Set<string> {
  const next = new Set(flagged);
  if (next.has(questionId)) next.delete(questionId);
  else next.add(questionId);
  return next;
}
