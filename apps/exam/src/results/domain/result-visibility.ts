import type { AttemptStatus } from '../../attempt/domain/attempt-state';

export type ResultsReleasePolicy = 'immediately' | 'at_date' | 'after_marking';

/** What decides whether the exam's results are out: its policy, the date, the staff release. */
export interface ReleaseState {
  readonly policy: ResultsReleasePolicy;
  /** `at_date`: results are released from this time. */
  readonly releaseAt: Date | null;
  /** `after_marking`: when staff released the exam's results, null before. */
  readonly releasedAt: Date | null;
}

/** Why results are not shown yet, and when they will be where that is known. */
export type ReleaseVerdict =
  | { readonly released: true }
  | { readonly released: false; readonly reason: 'release_date'; readonly availableAt: Date }
  | { readonly released: false; readonly reason: 'staff_release' };

/** Whether the exam's results are released at `now` (for graded attempts); pure. */
export function examReleaseVerdict(state: ReleaseState, now: Date): ReleaseVerdict {
  switch (state.policy) {
    case 'immediately':
      return { released: true };
    case 'at_date':
      // A checked exam always has the date; without one, the results wait for it rather than leak.
      if (state.releaseAt !== null && now.getTime() >= state.releaseAt.getTime()) return { released: true };
      return state.releaseAt === null
        ? { released: false, reason: 'staff_release' }
        : { released: false, reason: 'release_date', availableAt: state.releaseAt };
    case 'after_marking':
      return state.releasedAt !== null && now.getTime() >= state.releasedAt.getTime()
        ? { released: true }
        : { released: false, reason: 'staff_release' };
  }
}

/** A candidate sees an attempt's score only when it is graded and the exam's results are released; pure. */
export function scoreVisible(status: AttemptStatus, verdict: ReleaseVerdict): boolean {
  return status === 'graded' && verdict.released;
}

export interface ReviewRule {
  readonly practice: boolean;
  readonly immediateFeedback: boolean;
  readonly reviewAllowed: boolean;
}

/**
 * Whether a candidate may review an attempt (their answers, the correct ones and explanations). Practice
 * exams with immediate feedback: as soon as the attempt is closed. Other exams: only where the exam allows
 * review, once the attempt is graded and the results are released. Pure.
 */
export function reviewVisible(status: AttemptStatus, rule: ReviewRule, verdict: ReleaseVerdict): boolean {
  if (rule.practice && rule.immediateFeedback) return status === 'submitted' || status === 'graded';
  return rule.reviewAllowed && scoreVisible(status, verdict);
}
