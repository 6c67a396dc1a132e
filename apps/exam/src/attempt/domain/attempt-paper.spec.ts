import type { QuestionContent } from '../../bank/question-content';
import { buildCandidatePaper, type PaperSnapshot } from '../../paper/paper-structure';
import { answerKeyOf, answerKeyRefsOf, keyNeedsSnapshot, resolveAnswerKey } from './attempt-paper';

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

describe(answerKeyRefsOf.name, () => {
  const paper = buildCandidatePaper(snapshot, 'seed-2');

  it('should name each delivered question by id, pinned version and worth, without its content', () => {
    const refs = answerKeyRefsOf(snapshot, paper);
    expect(refs).toEqual(
      paper.sections.flatMap((s) =>
        s.questions.map((q) => ({ questionId: q.questionId, version: q.version, score: q.score })),
      ),
    );
    expect(JSON.stringify(refs)).not.toContain('right');
    expect(keyNeedsSnapshot(refs)).toBe(true);
  });

  it('should resolve to exactly the key with content, against the same snapshot', () => {
    expect(resolveAnswerKey(answerKeyRefsOf(snapshot, paper), snapshot)).toEqual(
      answerKeyOf(snapshot, paper),
    );
  });
});

describe(resolveAnswerKey.name, () => {
  const whole = { questionId: 'old', score: 4, content: single('kept in the row') };

  it('should take an older row’s whole questions as they are, with or without a snapshot', () => {
    expect(keyNeedsSnapshot([whole])).toBe(false);
    expect(resolveAnswerKey([whole], null)).toEqual([whole]);
    expect(resolveAnswerKey([whole, { questionId: 'fixed', version: 2, score: 3 }], snapshot)).toEqual([
      whole,
      { questionId: 'fixed', score: 3, content: single('fixed v2') },
    ]);
  });

  it('should refuse to grade with a reference the snapshot does not pin, rather than skip it', () => {
    expect(() => resolveAnswerKey([{ questionId: 'fixed', version: 1, score: 3 }], snapshot)).toThrow(
      /fixed@1 is not in the exam's snapshot/,
    );
    expect(() => resolveAnswerKey([{ questionId: 'fixed', version: 2, score: 3 }], null)).toThrow(
      /not in the exam's snapshot/,
    );
  });
});
