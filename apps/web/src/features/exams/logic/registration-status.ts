import type { Order, Registration } from '../api/types';

/**
 * What a registration means to its candidate, from the registration (exam service) and its fee order (payments
 * service): the registration alone cannot tell "waiting for the order", "expired" or "refunded".
 */
export type StatusKey =
  | 'preparing_payment'
  | 'pending_payment'
  | 'payment_expired'
  | 'payment_confirming'
  | 'pending_review'
  | 'confirmed'
  | 'rejected'
  | 'cancelled'
  | 'refunding'
  | 'refunded';

export type Tone = 'processing' | 'warning' | 'success' | 'error' | 'default';

/** What cancelling would do, said before the person confirms. */
export type CancelConsequence = 'refund' | 'close_order' | 'release_seat';

export interface RegistrationView {
  status: StatusKey;
  tone: Tone;
  /** The next thing the candidate can do (or wait for). */
  next: 'pay' | 'wait' | 'download_ticket' | 'cancel_and_register_again' | 'register_again';
  canPay: boolean;
  canDownloadTicket: boolean;
  /** Still waiting for something another service does: worth asking again shortly. */
  settling: boolean;
}

const TONES: Record<StatusKey, Tone> = {
  preparing_payment: 'processing',
  pending_payment: 'warning',
  payment_expired: 'error',
  payment_confirming: 'processing',
  pending_review: 'processing',
  confirmed: 'success',
  rejected: 'error',
  cancelled: 'default',
  refunding: 'processing',
  refunded: 'default',
};

const NEXT: Record<StatusKey, RegistrationView['next']> = {
  preparing_payment: 'wait',
  pending_payment: 'pay',
  payment_expired: 'cancel_and_register_again',
  payment_confirming: 'wait',
  pending_review: 'wait',
  confirmed: 'download_ticket',
  rejected: 'register_again',
  cancelled: 'register_again',
  refunding: 'wait',
  refunded: 'register_again',
};

/** The fee order of a registration: the newest, when a registration ever had more than one. */
export function orderOf(registrationId: string, orders: readonly Order[]): Order | undefined {
  return orders
    .filter((o) => o.registrationId === registrationId)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))[0];
}

export function isPastDue(order: Order, now: Date): boolean {
  return (
    order.status === 'expired' || (order.status === 'pending' && now.getTime() >= Date.parse(order.expiresAt))
  );
}

function statusOf(registration: Registration, order: Order | undefined, now: Date): StatusKey {
  switch (registration.status) {
    case 'confirmed':
      return 'confirmed';
    case 'pending_review':
      return 'pending_review';
    case 'rejected':
      return 'rejected';
    case 'cancelled':
      if (order === undefined || order.paidFen === 0) return 'cancelled';
      return order.status === 'refunded' ? 'refunded' : 'refunding';
    case 'pending_payment':
      if (order === undefined) return 'preparing_payment';
      if (order.status === 'paid') return 'payment_confirming';
      if (isPastDue(order, now) || order.status === 'cancelled') return 'payment_expired';
      return 'pending_payment';
  }
}

export function registrationView(
  registration: Registration,
  order: Order | undefined,
  now: Date,
): RegistrationView {
  const status = statusOf(registration, order, now);
  const next = NEXT[status];
  return {
    status,
    tone: TONES[status],
    next,
    canPay: status === 'pending_payment',
    canDownloadTicket: status === 'confirmed',
    settling: status === 'preparing_payment' || status === 'payment_confirming' || status === 'refunding',
  };
}

/** A registration still holding a seat can be cancelled (before the deadline, which the caller checks). */
export function isActive(registration: Registration): boolean {
  return registration.status !== 'cancelled' && registration.status !== 'rejected';
}

export function cancelConsequence(registration: Registration, order: Order | undefined): CancelConsequence {
  if (registration.paid || (order !== undefined && order.paidFen > 0)) return 'refund';
  if (registration.status === 'pending_payment') return 'close_order';
  return 'release_seat';
}
