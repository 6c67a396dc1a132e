import { applyInvoiceEvent, canRequestInvoice, holdsOrder, invoiceableFen } from './invoice-state';

describe('invoice state', () => {
  it('should invoice what was paid minus what was refunded, never below zero', () => {
    expect(invoiceableFen(19_900, 9_900)).toBe(10_000);
    expect(invoiceableFen(100, 100)).toBe(0);
    expect(invoiceableFen(100, 200)).toBe(0);
  });

  it('should allow a request only on a paid or partially refunded order with money left', () => {
    expect(canRequestInvoice('paid', 100, 0)).toBe(true);
    expect(canRequestInvoice('partially_refunded', 100, 40)).toBe(true);
    for (const status of ['pending', 'expired', 'cancelled', 'refunded'])
      expect(canRequestInvoice(status, 100, 0)).toBe(false);
    expect(canRequestInvoice('partially_refunded', 100, 100)).toBe(false);
  });

  it('should let only a requested invoice be issued, rejected or cancelled', () => {
    expect(applyInvoiceEvent('requested', null, { type: 'issue' })).toEqual({
      ok: true,
      status: 'issued',
      reversal: null,
    });
    expect(applyInvoiceEvent('requested', null, { type: 'reject' })).toMatchObject({ status: 'rejected' });
    expect(applyInvoiceEvent('requested', null, { type: 'cancel' })).toMatchObject({ status: 'cancelled' });
    for (const status of ['issued', 'rejected', 'cancelled'] as const)
      for (const type of ['issue', 'reject', 'cancel'] as const)
        expect(applyInvoiceEvent(status, null, { type })).toEqual({ ok: false });
  });

  it('should ask for a reversal when money is refunded after issue, once', () => {
    expect(applyInvoiceEvent('issued', null, { type: 'refund', invoiceableFen: 0 })).toEqual({
      ok: true,
      status: 'issued',
      reversal: 'required',
    });
    expect(applyInvoiceEvent('issued', 'done', { type: 'refund', invoiceableFen: 0 })).toMatchObject({
      reversal: 'done',
    });
  });

  it('should close an open request that a full refund leaves with nothing to invoice, and keep it otherwise', () => {
    expect(applyInvoiceEvent('requested', null, { type: 'refund', invoiceableFen: 0 })).toMatchObject({
      status: 'cancelled',
    });
    expect(applyInvoiceEvent('requested', null, { type: 'refund', invoiceableFen: 50 })).toEqual({
      ok: false,
    });
    expect(applyInvoiceEvent('rejected', null, { type: 'refund', invoiceableFen: 0 })).toEqual({ ok: false });
  });

  it('should hold the order for requested and issued invoices only', () => {
    expect([holdsOrder('requested'), holdsOrder('issued')]).toEqual([true, true]);
    expect([holdsOrder('rejected'), holdsOrder('cancelled')]).toEqual([false, false]);
  });
});
