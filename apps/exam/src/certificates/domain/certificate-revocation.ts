import type { AttemptStatus } from '../../attempt/domain/attempt-state';

export type RevocationReason = 'attempt_terminated' | 'regraded_below_pass';

/**
 * Whether a certificate no longer holds given its attempt now: terminated, or regraded below the pass
 * score. Null when it still holds. Pure.
 */
export function revocationReason(
  status: AttemptStatus,
  score: number | null,
  passScore: number,
): RevocationReason | null {
  if (status === 'terminated') return 'attempt_terminated';
  if (status === 'graded' && score !== null && score < passScore) return 'regraded_below_pass';
  return null;
}
