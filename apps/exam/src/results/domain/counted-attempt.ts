/** The attempt that counts for a candidate's result, by the exam's `countedAttempt` rule. */
export type CountedAttemptRule = 'best' | 'last' | 'first';

export interface ScoredAttempt {
  readonly id: string;
  readonly attemptNo: number;
  /** The final total; null while the attempt is not graded. */
  readonly score: number | null;
}

/**
 * Picks the counted attempt among the graded ones (`score` not null): the best score (the earlier attempt on
 * a tie), the last graded or the first graded. Null when none is graded. Pure.
 */
export function countedAttempt<T extends ScoredAttempt>(
  attempts: readonly T[],
  rule: CountedAttemptRule,
): T | null {
  const graded = attempts
    .filter((a): a is T & { score: number } => a.score !== null)
    .sort((a, b) => a.attemptNo - b.attemptNo);
  if (graded.length === 0) return null;
  switch (rule) {
    case 'first':
      return graded[0] ?? null;
    case 'last':
      return graded[graded.length - 1] ?? null;
    case 'best':
      return graded.reduce((best, a) => (a.score > best.score ? a : best));
  }
}

/** Pass at or above the pass score. */
export function passed(score: number, passScore: number): boolean {
  return score >= passScore;
}
