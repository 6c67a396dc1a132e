import { buildQuestionContent, candidateView, type QuestionInput } from './question-content';

const single: QuestionInput = {
  type: 'single',
  stem: '<p>1+1=?</p><script>x</script>',
  score: 2,
  options: [
    { text: '1', correct: false },
    { text: '2', correct: true },
  ],
};

describe('buildQuestionContent', () => {
  it('should build a single choice with keys and sanitised text', () => {
    const { content } = buildQuestionContent(single);
    expect(content).toMatchObject({
      stem: '<p>1+1=?</p>',
      options: [
        { key: 'A', correct: false },
        { key: 'B', correct: true },
      ],
    });
  });

  it('should report every broken rule with its field', () => {
    const { errors } = buildQuestionContent({
      type: 'single',
      stem: '<script>x</script>',
      score: -1,
      options: [{ text: 'a', correct: false }],
      answer: true,
    });
    expect(errors.map((e) => e.field).sort()).toEqual(['answer', 'options', 'options', 'score', 'stem']);
  });

  it('should default multiple choice to all_or_nothing and refuse an unknown rule', () => {
    const base = { type: 'multiple', stem: 's', score: 1, options: single.options };
    expect(buildQuestionContent(base).content?.partialCredit).toBe('all_or_nothing');
    expect(buildQuestionContent({ ...base, partialCredit: 'x' }).errors).toEqual([
      expect.objectContaining({ field: 'partialCredit' }),
    ]);
  });

  it('should require blanks with accepted answers, a rubric for essays, and a boolean for true/false', () => {
    expect(
      buildQuestionContent({ type: 'fill_blank', stem: 's', score: 1, blanks: [{ accepted: [' '] }] }).errors,
    ).toEqual([expect.objectContaining({ field: 'blanks[0].accepted' })]);
    expect(buildQuestionContent({ type: 'essay', stem: 's', score: 1 }).errors).toEqual([
      expect.objectContaining({ field: 'rubric' }),
    ]);
    expect(buildQuestionContent({ type: 'true_false', stem: 's', score: 1 }).errors).toEqual([
      expect.objectContaining({ field: 'answer' }),
    ]);
  });

  it('should build a composite whose score is the sum of its sub-questions, without nesting', () => {
    const sub = { type: 'true_false', stem: 't', score: 1, answer: true };
    expect(
      buildQuestionContent({ type: 'composite', stem: '材料', score: 3, subQuestions: [single, sub] }).content
        ?.subQuestions,
    ).toHaveLength(2);
    expect(
      buildQuestionContent({ type: 'composite', stem: '材料', score: 9, subQuestions: [single, sub] }).errors,
    ).toEqual([expect.objectContaining({ field: 'score' })]);
    expect(
      buildQuestionContent({
        type: 'composite',
        stem: 'm',
        score: 1,
        subQuestions: [{ type: 'composite', stem: 'x', score: 1 }],
      }).errors,
    ).toEqual([expect.objectContaining({ field: 'subQuestions[0].type' })]);
  });

  it('should show a candidate no answers', () => {
    const { content } = buildQuestionContent(single);
    if (content === null) throw new Error('expected content');
    expect(JSON.stringify(candidateView(content))).not.toContain('correct');
  });
});
