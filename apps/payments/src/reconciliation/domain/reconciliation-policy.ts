import type { OrderStatus } from '../../order/domain/order-state';
import type { ProviderName } from '../../order/order.entity';
import type { RefundState, TradeState } from '../../provider/payment-provider';

/** The longest wait between two queries about the same order or refund. */
export const MAX_BACKOFF_SECONDS = 3600;

/** How long a claimed order or refund is held by the replica that queries it before another may. */
export const RECONCILE_LEASE_SECONDS = 60;

export type PaidTrade = Extract<TradeState, { state: 'paid' }>;

/** What one provider said about a trade, or that it could not be asked (down, timeout, unsigned answer). */
export type TradeFinding =
  | { readonly provider: ProviderName; readonly reached: true; readonly state: TradeState }
  | { readonly provider: ProviderName; readonly reached: false; readonly detail: string };

export type NextCheck = { readonly kind: 'retry'; readonly at: Date } | { readonly kind: 'done' };

export interface OrderDecision {
  /** Payments to apply through the callback path (which refunds one that reached a closed order). */
  readonly apply: readonly { readonly provider: ProviderName; readonly trade: PaidTrade }[];
  readonly next: NextCheck;
}

/** Exponential backoff: the first retry waits `baseSeconds`, each next one twice as long, at most an hour. */
export function backoffSeconds(attempts: number, baseSeconds: number): number {
  const exponent = Math.min(Math.max(attempts - 1, 0), 20);
  return Math.min(baseSeconds * 2 ** exponent, MAX_BACKOFF_SECONDS);
}

function nextAt(now: Date, attempts: number, baseSeconds: number): Date {
  return new Date(now.getTime() + backoffSeconds(attempts, baseSeconds) * 1000);
}

/**
 * What to do about an order whose callback did not come, given what each provider it was taken to said.
 * Paid at a provider: apply it. A provider that could not be asked: ask again later (backoff). A pending order
 * nobody was paid for: ask again later; the expiry job closes it, after which one last query (made at once)
 * settles it for good. A closed order with nothing paid: done.
 */
export function decideOrder(
  status: OrderStatus,
  findings: readonly TradeFinding[],
  attempts: number,
  now: Date,
  baseSeconds: number,
): OrderDecision {
  const apply = findings.flatMap((finding) =>
    finding.reached && finding.state.state === 'paid'
      ? [{ provider: finding.provider, trade: finding.state }]
      : [],
  );
  const unreachable = findings.some((finding) => !finding.reached);
  if (unreachable) return { apply, next: { kind: 'retry', at: nextAt(now, attempts, baseSeconds) } };
  if (status === 'pending' && apply.length === 0)
    return { apply, next: { kind: 'retry', at: nextAt(now, attempts, baseSeconds) } };
  return { apply, next: { kind: 'done' } };
}

export type RefundDecision =
  | { readonly kind: 'settle'; readonly providerRefundId: string; readonly succeeded: boolean }
  | { readonly kind: 'retry'; readonly at: Date };

/** A processing refund: settled (succeeded or failed) when the provider says so; otherwise asked again later. */
export function decideRefund(
  finding: { readonly reached: true; readonly state: RefundState } | { readonly reached: false },
  attempts: number,
  now: Date,
  baseSeconds: number,
): RefundDecision {
  if (finding.reached && finding.state.state === 'succeeded')
    return { kind: 'settle', providerRefundId: finding.state.providerRefundId, succeeded: true };
  if (finding.reached && finding.state.state === 'failed')
    return { kind: 'settle', providerRefundId: finding.state.providerRefundId, succeeded: false };
  return { kind: 'retry', at: nextAt(now, attempts, baseSeconds) };
}
