import fc from 'fast-check';

import type { QuestionContent } from '../bank/question-content';
import {
  buildCandidatePaper,
  drawnBeforeFrom,
  type PaperSnapshot,
  type PinnedQuestion,
} from './paper-structure';
import { seededShuffle } from './seeded-random';

function question(n: number): PinnedQuestion {
  const content: QuestionContent = {
    type: 'single',
    stem: `q${n}`,
    explanation: '',
    score: 1,
    options: ['A', 'B', 'C', 'D'].map((key, i) => ({ key, text: `${n}${key}`, correct: i === 0 })),
  };
  return { questionId: `q${n}`, version: 1, content };
}

const snapshot: PaperSnapshot = {
  sections: [
    {
      title: 'I',
      instructions: '',
      shuffleQuestions: true,
      shuffleOptions: true,
      fixed: [1, 2, 3].map((n) => ({ ...question(n), score: 2 })),
      draws: [{ count: 5, scoreEach: 3, pool: Array.from({ length: 30 }, (_, i) => question(i + 1)) }],
    },
  ],
};

describe('buildCandidatePaper', () => {
  it('should rebuild exactly the same paper from the same seed', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 16 }), (seed) => {
        expect(buildCandidatePaper(snapshot, seed)).toEqual(buildCandidatePaper(snapshot, seed));
      }),
    );
  });

  it('should give different seeds different orders, with the fixed questions, no duplicates and the right total', () => {
    const a = buildCandidatePaper(snapshot, 'seed-a');
    const b = buildCandidatePaper(snapshot, 'seed-b');
    const ids = (p: typeof a) => p.sections[0]?.questions.map((q) => q.questionId) ?? [];
    expect(ids(a)).not.toEqual(ids(b));
    for (const paper of [a, b]) {
      expect(new Set(ids(paper)).size).toBe(8);
      expect(ids(paper)).toEqual(expect.arrayContaining(['q1', 'q2', 'q3']));
      expect(paper.totalScore).toBe(3 * 2 + 5 * 3);
      expect(JSON.stringify(paper)).not.toContain('correct');
    }
  });

  it('should keep every option with its key when shuffling', () => {
    const paper = buildCandidatePaper(snapshot, 'x');
    for (const q of paper.sections[0]?.questions ?? []) {
      for (const option of q.view.options ?? []) expect(option.text.endsWith(option.key)).toBe(true);
    }
  });
});

describe('seededShuffle', () => {
  it('should be a permutation and reproducible', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
        const once = seededShuffle(items, seed);
        expect(once).toEqual(seededShuffle(items, seed));
        expect([...once].sort()).toEqual([...items].sort());
      }),
    );
  });
});

describe(drawnBeforeFrom.name, () => {
  const ids = (...values: string[]): ReadonlySet<string> => new Set(values);

  it('should reserve nothing for the first rule of a section', () => {
    expect(drawnBeforeFrom(ids('a', 'b', 'c'), [])).toBe(0);
  });

  it('should reserve what earlier rules may take from the overlap, at most their count', () => {
    const pool = ids('a', 'b', 'c', 'd');
    expect(drawnBeforeFrom(pool, [{ ids: ids('a', 'b', 'x'), count: 1 }])).toBe(1);
    expect(drawnBeforeFrom(pool, [{ ids: ids('a', 'b', 'x'), count: 5 }])).toBe(2);
    expect(drawnBeforeFrom(pool, [{ ids: ids('x', 'y'), count: 2 }])).toBe(0);
  });

  it('should guarantee a complete paper for every seed when the remaining pool covers each count', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ members: fc.uniqueArray(fc.integer({ min: 0, max: 12 })), count: fc.nat(4) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.string(),
        (rules, seed) => {
          const pools = rules.map((r) => ({ ids: new Set(r.members.map((m) => `q${m}`)), count: r.count }));
          const feasible = pools.every(
            (p, i) => p.ids.size - drawnBeforeFrom(p.ids, pools.slice(0, i)) >= p.count,
          );
          fc.pre(feasible);
          const picked = new Set<string>();
          pools.forEach((p, i) => {
            const available = [...p.ids].sort().filter((id) => !picked.has(id));
            for (const id of seededShuffle(available, `${seed}:${i}`).slice(0, p.count)) picked.add(id);
          });
          expect(picked.size).toBe(pools.reduce((sum, p) => sum + p.count, 0));
        },
      ),
    );
  });
});
