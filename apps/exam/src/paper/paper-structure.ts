import type { QuestionContent, QuestionType } from '../bank/question-content';
import { type CandidateQuestionView, candidateView } from '../bank/question-content';
import { seededShuffle } from './seeded-random';

export const PAPER_KINDS = ['fixed', 'draw', 'mixed'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

export interface FixedItem {
  readonly questionId: string;
  /** Overrides the question's own score in this paper. */
  readonly score?: number;
}

/** Draw `count` questions matching every given filter, each worth `scoreEach`. */
export interface DrawRule {
  readonly count: number;
  readonly scoreEach: number;
  readonly categoryId?: string;
  readonly tag?: string;
  readonly type?: QuestionType;
  readonly difficulty?: number;
}

export interface PaperSection {
  readonly title: string;
  readonly instructions: string;
  readonly items: readonly FixedItem[];
  readonly draws: readonly DrawRule[];
  readonly shuffleQuestions: boolean;
  readonly shuffleOptions: boolean;
}

/** A question version pinned by a published exam. */
export interface PinnedQuestion {
  readonly questionId: string;
  readonly version: number;
  readonly content: QuestionContent;
}

/** What an exam froze at publishing: fixed questions and every draw rule's pool, at their versions. */
export interface PaperSnapshot {
  readonly sections: readonly {
    readonly title: string;
    readonly instructions: string;
    readonly shuffleQuestions: boolean;
    readonly shuffleOptions: boolean;
    readonly fixed: readonly (PinnedQuestion & { readonly score: number })[];
    readonly draws: readonly {
      readonly count: number;
      readonly scoreEach: number;
      readonly pool: readonly PinnedQuestion[];
    }[];
  }[];
}

export interface CandidatePaperQuestion {
  readonly questionId: string;
  readonly version: number;
  readonly score: number;
  readonly view: CandidateQuestionView;
}

export interface CandidatePaper {
  readonly seed: string;
  readonly totalScore: number;
  readonly sections: readonly {
    readonly title: string;
    readonly instructions: string;
    readonly questions: readonly CandidatePaperQuestion[];
  }[];
}

export function paperTotalScore(
  sections: readonly PaperSection[],
  scoreOf: (questionId: string) => number,
): number {
  return sections.reduce(
    (sum, s) =>
      sum +
      s.items.reduce((a, item) => a + (item.score ?? scoreOf(item.questionId)), 0) +
      s.draws.reduce((a, d) => a + d.count * d.scoreEach, 0),
    0,
  );
}

function shuffledOptions(view: CandidateQuestionView, seed: string): CandidateQuestionView {
  return {
    ...view,
    ...(view.options ? { options: seededShuffle(view.options, seed) } : {}),
    ...(view.subQuestions
      ? { subQuestions: view.subQuestions.map((s, i) => shuffledOptions(s, `${seed}:${i}`)) }
      : {}),
  };
}

/**
 * The paper one candidate sees, rebuilt from the exam's snapshot and the registration's stored seed: the same
 * inputs always give the same questions in the same order with the same option order (option keys travel
 * with their text, so answers are scored by key whatever the order). Never includes answers.
 */
export function buildCandidatePaper(snapshot: PaperSnapshot, seed: string): CandidatePaper {
  let totalScore = 0;
  const sections = snapshot.sections.map((section, s) => {
    const fixedIds = new Set(section.fixed.map((f) => f.questionId));
    const picked: CandidatePaperQuestion[] = section.fixed.map((f) => ({
      questionId: f.questionId,
      version: f.version,
      score: f.score,
      view: candidateView(f.content),
    }));
    section.draws.forEach((draw, d) => {
      const pool = draw.pool.filter(
        (q) => !fixedIds.has(q.questionId) && !picked.some((p) => p.questionId === q.questionId),
      );
      for (const q of seededShuffle(pool, `${seed}:draw:${s}:${d}`).slice(0, draw.count)) {
        picked.push({
          questionId: q.questionId,
          version: q.version,
          score: draw.scoreEach,
          view: candidateView(q.content),
        });
      }
    });
    const ordered = section.shuffleQuestions ? seededShuffle(picked, `${seed}:order:${s}`) : picked;
    const questions = section.shuffleOptions
      ? ordered.map((q) => ({ ...q, view: shuffledOptions(q.view, `${seed}:options:${q.questionId}`) }))
      : ordered;
    totalScore += questions.reduce((sum, q) => sum + q.score, 0);
    return { title: section.title, instructions: section.instructions, questions };
  });
  return { seed, totalScore, sections };
}

/**
 * How many questions of `pool` the section's earlier draw rules may take in the worst case: each earlier rule
 * draws at random from its own pool, so it can take up to its count from the overlap. Requiring the rest of the
 * pool to cover this rule's count means every candidate's paper is complete, whatever the seed.
 */
export function drawnBeforeFrom(
  pool: ReadonlySet<string>,
  earlier: readonly { readonly ids: ReadonlySet<string>; readonly count: number }[],
): number {
  let taken = 0;
  for (const rule of earlier) {
    let overlap = 0;
    for (const id of rule.ids) if (pool.has(id)) overlap += 1;
    taken += Math.min(rule.count, overlap);
  }
  return Math.min(taken, pool.size);
}
