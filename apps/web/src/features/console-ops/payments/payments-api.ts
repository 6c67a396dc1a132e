import { api } from '../../../api/http';

export const ORDER_STATUSES = [
  'pending',
  'paid',
  'partially_refunded',
  'refunded',
  'cancelled',
  'expired',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** An order of the institution as the payments service shows staff (delivery contact masked). */
export interface StaffOrder {
  orderId: string;
  kind: string;
  registrationId: string | null;
  description: string;
  amountFen: number;
  currency: 'CNY';
  status: OrderStatus;
  provider: string | null;
  paidFen: number;
  refundedFen: number;
  /** What can still be refunded: paid minus refunded and in-progress refunds. */
  refundableFen: number;
  contact: { name: string; phone: string; address: string } | null;
  expiresAt: string;
  paidAt: string | null;
  createdAt: string;
}

export interface OrderRefund {
  refundId: string;
  amountFen: number;
  reason: string;
  source: string;
  status: string;
  failure: string | null;
  createdAt: string;
  settledAt: string | null;
}

export interface StaffOrderDetail extends StaffOrder {
  items: {
    kind: string;
    refId: string;
    title: string;
    unitPriceFen: number;
    quantity: number;
    amountFen: number;
  }[];
  history: {
    fromStatus: string | null;
    toStatus: string;
    cause: string;
    actor: string;
    note: string | null;
    at: string;
  }[];
  refunds: OrderRefund[];
}

const base = (institutionId: string) => `/payments/institutions/${institutionId}/orders`;

export async function listOrders(institutionId: string, status?: OrderStatus): Promise<StaffOrder[]> {
  const query = status ? `?status=${status}` : '';
  return (await api<{ items: StaffOrder[] }>(`${base(institutionId)}${query}`)).items;
}

export function getOrder(institutionId: string, orderId: string): Promise<StaffOrderDetail> {
  return api<StaffOrderDetail>(`${base(institutionId)}/${orderId}`);
}

/** Repeating the request with the same idempotency key returns the same refund. */
export function requestRefund(
  institutionId: string,
  orderId: string,
  amountFen: number,
  reason: string,
  idempotencyKey: string,
): Promise<OrderRefund> {
  return api<OrderRefund>(`${base(institutionId)}/${orderId}/refunds`, {
    method: 'POST',
    body: { amountFen, reason, idempotencyKey },
  });
}
