import { flatQuestions, isAnswered, sameAnswer } from './answers';
import type { Paper, QuestionView } from './types';

const view = (type: QuestionView['type'], extra: Partial<QuestionView> = {}): QuestionView => ({
  type,
  stem: 'q',
  score: 1,
  ...extra,
});

describe('isAnswered', () => {
  it('should tell answered from blank for each question type', () => {
    expect(isAnswered(view('single'), { choice: 'A' })).toBe(true);
    expect(isAnswered(view('single'), {})).toBe(false);
    expect(isAnswered(view('multiple'), { choices: [] })).toBe(false);
    expect(isAnswered(view('multiple'), { choices: ['B'] })).toBe(true);
    expect(isAnswered(view('true_false'), { truth: false })).toBe(true);
    expect(isAnswered(view('fill_blank'), { blanks: [' ', ''] })).toBe(false);
    expect(isAnswered(view('fill_blank'), { blanks: ['', '256'] })).toBe(true);
    expect(isAnswered(view('essay'), { text: '  ' })).toBe(false);
    expect(isAnswered(view('essay'), { text: '最小权限' })).toBe(true);
    expect(isAnswered(view('essay'), undefined)).toBe(false);
  });

  it('should count a composite as answered when any sub-question is', () => {
    const composite = view('composite', { subQuestions: [view('single'), view('essay')] });
    expect(isAnswered(composite, { parts: [{}, {}] })).toBe(false);
    expect(isAnswered(composite, { parts: [{}, { text: 'x' }] })).toBe(true);
  });
});

describe('flatQuestions', () => {
  it('should number questions across sections', () => {
    const q = (id: string) => ({ questionId: id, version: 1, score: 1, view: view('single') });
    const paper: Paper = {
      seed: 's',
      totalScore: 3,
      sections: [
        { title: 'a', instructions: '', questions: [q('1'), q('2')] },
        { title: 'b', instructions: '', questions: [q('3')] },
      ],
    };
    expect(flatQuestions(paper).map((x) => [x.questionId, x.number])).toEqual([
      ['1', 1],
      ['2', 2],
      ['3', 3],
    ]);
  });
});

describe('sameAnswer', () => {
  it('should compare answers by value', () => {
    expect(sameAnswer({ choice: 'A' }, { choice: 'A' })).toBe(true);
    expect(sameAnswer(undefined, {})).toBe(true);
    expect(sameAnswer({ choice: 'A' }, { choice: 'B' })).toBe(false);
  });
});
