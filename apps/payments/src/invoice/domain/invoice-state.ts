export const INVOICE_STATUSES = ['requested', 'issued', 'rejected', 'cancelled'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
export const TITLE_TYPES = ['personal', 'company'] as const;
export type TitleType = (typeof TITLE_TYPES)[number];
/** A 红字 reversal: required once money comes back after issue, done when staff record the red-letter invoice. */
export const REVERSAL_STATUSES = ['required', 'done'] as const;
export type ReversalStatus = (typeof REVERSAL_STATUSES)[number];

/** Order statuses on which an invoice can be asked for: money was received and not all of it returned. */
const INVOICEABLE_ORDER_STATUSES: readonly string[] = ['paid', 'partially_refunded'];

/** What an invoice may be made out for: what the buyer paid minus what came back, never below zero. */
export function invoiceableFen(paidFen: number, refundedFen: number): number {
  return Math.max(0, paidFen - refundedFen);
}

export function canRequestInvoice(orderStatus: string, paidFen: number, refundedFen: number): boolean {
  return INVOICEABLE_ORDER_STATUSES.includes(orderStatus) && invoiceableFen(paidFen, refundedFen) > 0;
}

/** Requested and issued requests hold the order's one slot; a rejected or cancelled one frees it. */
export function holdsOrder(status: InvoiceStatus): boolean {
  return status === 'requested' || status === 'issued';
}

export type InvoiceEvent =
  | { readonly type: 'cancel' }
  | { readonly type: 'issue' }
  | { readonly type: 'reject' }
  /** A refund settled on the order; `invoiceableFen` is what is left after it. */
  | { readonly type: 'refund'; readonly invoiceableFen: number };

export type InvoiceOutcome =
  | { readonly ok: true; readonly status: InvoiceStatus; readonly reversal: ReversalStatus | null }
  | { readonly ok: false };

/**
 * requested → issued | rejected | cancelled (by the buyer, or by a refund that leaves nothing to invoice).
 * A refund after issue keeps the invoice issued and asks for a 红字 reversal: the issued amount is no longer
 * what was paid; a second refund changes nothing more.
 */
export function applyInvoiceEvent(
  status: InvoiceStatus,
  reversal: ReversalStatus | null,
  event: InvoiceEvent,
): InvoiceOutcome {
  switch (event.type) {
    case 'cancel':
    case 'reject':
      return status === 'requested'
        ? { ok: true, status: event.type === 'cancel' ? 'cancelled' : 'rejected', reversal }
        : { ok: false };
    case 'issue':
      return status === 'requested' ? { ok: true, status: 'issued', reversal } : { ok: false };
    case 'refund':
      if (status === 'issued') return { ok: true, status, reversal: reversal ?? 'required' };
      if (status === 'requested' && event.invoiceableFen === 0)
        return { ok: true, status: 'cancelled', reversal };
      return { ok: false };
  }
}
