export const ORDER_STATUSES = [
  'pending',
  'paid',
  'partially_refunded',
  'refunded',
  'cancelled',
  'expired',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** What can happen to an order; refunds carry the order's paid and refunded totals after this refund. */
export type OrderEvent =
  | { readonly type: 'pay' }
  | { readonly type: 'cancel' }
  | { readonly type: 'expire' }
  | { readonly type: 'refund'; readonly paidFen: number; readonly refundedFen: number };

export type TransitionRefusal =
  'not_payable' | 'not_cancellable' | 'not_expirable' | 'not_refundable' | 'refund_exceeds_paid';

export type Transition =
  | { readonly ok: true; readonly to: OrderStatus }
  | { readonly ok: false; readonly reason: TransitionRefusal };

const refused = (reason: TransitionRefusal): Transition => ({ ok: false, reason });
const to = (status: OrderStatus): Transition => ({ ok: true, to: status });

/**
 * The order's status machine: pending → paid → partially_refunded → refunded; pending → cancelled or
 * expired. An expired or cancelled order cannot be paid; a paid order cannot be cancelled, only refunded.
 */
export function transition(status: OrderStatus, event: OrderEvent): Transition {
  switch (event.type) {
    case 'pay':
      return status === 'pending' ? to('paid') : refused('not_payable');
    case 'cancel':
      return status === 'pending' ? to('cancelled') : refused('not_cancellable');
    case 'expire':
      return status === 'pending' ? to('expired') : refused('not_expirable');
    case 'refund':
      if (status !== 'paid' && status !== 'partially_refunded') return refused('not_refundable');
      if (event.refundedFen > event.paidFen) return refused('refund_exceeds_paid');
      return to(event.refundedFen === event.paidFen ? 'refunded' : 'partially_refunded');
  }
}

/** Whether a pending order is past its expiry time at `now` (paying exactly at expiry is too late). */
export function isPastExpiry(expiresAt: Date, now: Date): boolean {
  return now.getTime() >= expiresAt.getTime();
}
