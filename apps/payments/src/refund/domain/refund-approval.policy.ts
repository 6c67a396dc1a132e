import type { RefundStatus } from '../refund.entity';

/**
 * Whether a staff refund waits for approval: the order's refunds (settled, in progress and awaiting approval,
 * this one included) would pass the threshold. Counting the order's total means splitting a large refund
 * into small ones cannot dodge it. `null` threshold: nothing needs approval.
 */
export function needsApproval(thresholdFen: number | null, committedFen: number, amountFen: number): boolean {
  return thresholdFen !== null && committedFen + amountFen > thresholdFen;
}

export type RefundDecision = 'approve' | 'reject';

export type DecisionOutcome =
  /** The refund awaits approval: record the decision. */
  | { readonly ok: true; readonly apply: true }
  /** The same decision was already taken (a repeat or a parallel twin): answer with the refund as it is. */
  | { readonly ok: true; readonly apply: false }
  | { readonly ok: false; readonly reason: 'own_request' | 'decided_otherwise' | 'not_awaiting_approval' };

/** What a decision by `actor` does to a refund in its current state (under its row lock). */
export function decide(
  refund: { readonly status: RefundStatus; readonly requestedBy: string; readonly decidedBy: string | null },
  decision: RefundDecision,
  actor: string,
): DecisionOutcome {
  if (refund.requestedBy === actor) return { ok: false, reason: 'own_request' };
  if (refund.status === 'pending_approval') return { ok: true, apply: true };
  if (refund.decidedBy === null) return { ok: false, reason: 'not_awaiting_approval' };
  const approved = refund.status !== 'rejected';
  if ((decision === 'approve') === approved) return { ok: true, apply: false };
  return { ok: false, reason: 'decided_otherwise' };
}
