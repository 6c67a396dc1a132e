import type { QuestionContent } from '../../bank/question-content';
import { buildCandidatePaper, type PaperSnapshot } from '../../paper/paper-structure';
import { answerKeyOf } from './attempt-paper';

const single = (stem: string): QuestionContent => ({
  type: 'single',
  stem,
  explanation: 'why',
  score: 1,
  options: [
    { key: 'A', text: 'right', correct: true },
    { key: 'B', text: 'wrong', correct: false },
  ],
});

const snapshot: PaperSnapshot = {
  sections: [
    {
      title: 's',
      instructions: '',
      shuffleQuestions: true,
      shuffleOptions: true,
      fixed: [{ questionId: 'fixed', version: 2, content: single('fixed v2'), score: 3 }],
      draws: [
        {
          count: 2,
          scoreEach: 2,
          pool: ['p1', 'p2', 'p3', 'p4'].map((id) => ({ questionId: id, version: 1, content: single(id) })),
        },
      ],
    },
  ],
};

describe(answerKeyOf.name, () => {
  it('should key exactly the delivered questions, at their pinned versions and paper scores', () => {
    const paper = buildCandidatePaper(snapshot, 'seed-1');
    const key = answerKeyOf(snapshot, paper);
    const delivered = paper.sections.flatMap((s) => s.questions.map((q) => q.questionId));
    expect(key.map((k) => k.questionId)).toEqual(delivered);
    expect(key).toHaveLength(3);
    expect(key.find((k) => k.questionId === 'fixed')).toMatchObject({
      score: 3,
      content: { stem: 'fixed v2' },
    });
    for (const k of key.filter((q) => q.questionId !== 'fixed')) expect(k.score).toBe(2);
    expect(JSON.stringify(paper)).not.toContain('correct');
  });
});
