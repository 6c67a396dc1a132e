import { moveFocus, navigatorItems, submitSummary, toggleFlag } from './navigator-state';
import type { QuestionView } from './types';

const single: QuestionView = { type: 'single', stem: 's', score: 1, options: [{ key: 'A', text: 'a' }] };
const essay: QuestionView = { type: 'essay', stem: 'e', score: 1 };
const questions = [
  { questionId: 'a', view: single },
  { questionId: 'b', view: essay },
  { questionId: 'c', view: single },
];

describe('navigator state', () => {
  it('should mark answered, flagged and current questions', () => {
    const items = navigatorItems(questions, new Map([['a', { choice: 'A' }]]), new Set(['b']), 2);
    expect(items).toEqual([
      { questionId: 'a', number: 1, answered: true, flagged: false, current: false },
      { questionId: 'b', number: 2, answered: false, flagged: true, current: false },
      { questionId: 'c', number: 3, answered: false, flagged: false, current: true },
    ]);
  });

  it('should summarise what is left blank and flagged before submitting', () => {
    const items = navigatorItems(
      questions,
      new Map([
        ['a', { choice: 'A' }],
        ['b', { text: ' ' }],
      ]),
      new Set(['a']),
      0,
    );
    expect(submitSummary(items)).toEqual({ total: 3, answered: 1, unanswered: [2, 3], flagged: [1] });
  });

  it('should move with the arrow keys inside the grid and leave other keys alone', () => {
    expect(moveFocus(0, 'ArrowRight', 10, 5)).toBe(1);
    expect(moveFocus(0, 'ArrowLeft', 10, 5)).toBe(0);
    expect(moveFocus(2, 'ArrowDown', 10, 5)).toBe(7);
    expect(moveFocus(7, 'ArrowDown', 10, 5)).toBe(9);
    expect(moveFocus(7, 'ArrowUp', 10, 5)).toBe(2);
    expect(moveFocus(4, 'Home', 10, 5)).toBe(0);
    expect(moveFocus(4, 'End', 10, 5)).toBe(9);
    expect(moveFocus(4, 'Enter', 10, 5)).toBeNull();
    expect(moveFocus(0, 'ArrowRight', 0, 5)).toBeNull();
  });

  it('should toggle a flag without changing the old set', () => {
    const before = new Set(['a']);
    expect([...toggleFlag(before, 'b')]).toEqual(['a', 'b']);
    expect([...toggleFlag(before, 'a')]).toEqual([]);
    expect([...before]).toEqual(['a']);
  });
});
