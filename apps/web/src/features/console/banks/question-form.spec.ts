import {
  blankOf,
  candidateViewOf,
  contentValuesOf,
  newQuestionValues,
  plainText,
  type QuestionValues,
  toQuestionBody,
} from './question-form';

describe('question editor ↔ API body', () => {
  it('should send a multiple-choice question with its options and partial credit only', () => {
    const v: QuestionValues = {
      ...newQuestionValues('multiple'),
      stem: '<p>哪些是质数？</p>',
      options: [
        { text: '2', correct: true },
        { text: '4', correct: false },
      ],
      partialCredit: 'proportional',
      tags: [' 数学 ', ''],
      categoryId: null,
    };
    expect(toQuestionBody(v)).toEqual({
      type: 'multiple',
      stem: '<p>哪些是质数？</p>',
      score: 2,
      options: [
        { text: '2', correct: true },
        { text: '4', correct: false },
      ],
      partialCredit: 'proportional',
      difficulty: 3,
      tags: ['数学'],
    });
  });

  it('should split accepted blank answers and sum a composite’s score', () => {
    const fill = toQuestionBody({
      ...newQuestionValues('fill_blank'),
      stem: 'H2O 是 ___',
      blanks: [{ accepted: 'H2O | 水 |' }],
    });
    expect(fill.blanks).toEqual([{ accepted: ['H2O', '水'] }]);
    const composite = toQuestionBody({
      ...newQuestionValues('composite'),
      stem: '材料',
      subQuestions: [
        { ...blankOf('true_false'), stem: '对吗', score: 1, answer: false },
        { ...blankOf('essay'), stem: '为什么', score: 4, rubric: '言之有理' },
      ],
    });
    expect(composite.score).toBe(5);
    expect(composite.subQuestions?.map((s) => s.type)).toEqual(['true_false', 'essay']);
    expect(composite.subQuestions?.[0]?.answer).toBe(false);
  });

  it('should show the candidate the options with keys and no answers', () => {
    const view = candidateViewOf({
      ...newQuestionValues('single'),
      stem: 's',
      options: [
        { text: 'x', correct: true },
        { text: 'y', correct: false },
      ],
    });
    expect(view).toEqual({
      type: 'single',
      stem: 's',
      score: 2,
      options: [
        { key: 'A', text: 'x' },
        { key: 'B', text: 'y' },
      ],
    });
    expect(
      candidateViewOf({ ...newQuestionValues('fill_blank'), blanks: [{ accepted: 'a' }, { accepted: 'b' }] })
        .blankCount,
    ).toBe(2);
  });

  it('should show an older stored version (a composite with keyed options) as the candidate saw it', () => {
    const stored = {
      type: 'composite' as const,
      stem: '<p>材料</p>',
      score: 5,
      explanation: '答案解析不给考生看',
      subQuestions: [
        {
          type: 'single' as const,
          stem: '小题一',
          score: 2,
          options: [
            { key: 'A', text: '甲', correct: false },
            { key: 'B', text: '乙', correct: true },
          ],
        },
        { type: 'fill_blank' as const, stem: '小题二 ___', score: 3, blanks: [{ accepted: ['x', 'y'] }] },
      ],
    };
    expect(candidateViewOf(contentValuesOf(stored))).toEqual({
      type: 'composite',
      stem: '<p>材料</p>',
      score: 5,
      subQuestions: [
        {
          type: 'single',
          stem: '小题一',
          score: 2,
          options: [
            { key: 'A', text: '甲' },
            { key: 'B', text: '乙' },
          ],
        },
        { type: 'fill_blank', stem: '小题二 ___', score: 3, blankCount: 1 },
      ],
    });
  });

  it('should read plain text out of a rich stem', () => {
    expect(plainText('<p>1 &lt; 2 &amp;&nbsp;<b>3</b></p>')).toBe('1 < 2 & 3');
    expect(plainText('<p>以下是<b>哈希</b>算法</p><p>第二段</p>')).toBe('以下是哈希算法 第二段');
  });
});
