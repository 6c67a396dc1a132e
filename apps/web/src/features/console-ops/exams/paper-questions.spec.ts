import { paperQuestionsOf, plainLabel } from './paper-questions';

describe('paper questions', () => {
  it('label a stem as plain, short text', () => {
    expect(plainLabel('<p>什么是&nbsp;<b>最小权限</b>原则？</p>')).toBe('什么是 最小权限 原则？');
    expect(plainLabel('x'.repeat(70), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('number the questions by section and position, each once', () => {
    const view = (type: string, stem: string) => ({ type, stem });
    const questions = paperQuestionsOf({
      paper: {
        sections: [
          {
            questions: [
              {
                questionId: 'a',
                score: 2,
                view: { ...view('single', 'A?'), options: [{ key: 'A', text: 'x' }] },
              },
              { questionId: 'b', score: 10, view: view('essay', 'B?') },
            ],
          },
          {
            questions: [
              { questionId: 'c', score: 2, view: view('true_false', 'C?') },
              { questionId: 'a', score: 2, view: view('single', 'A?') },
            ],
          },
        ],
      },
    });
    expect(questions.map((q) => [q.questionId, q.number, q.type, q.worth])).toEqual([
      ['a', '1.1', 'single', 2],
      ['b', '1.2', 'essay', 10],
      ['c', '2.1', 'true_false', 2],
    ]);
    expect(questions[0]?.options).toEqual([{ key: 'A', text: 'x' }]);
  });
});
