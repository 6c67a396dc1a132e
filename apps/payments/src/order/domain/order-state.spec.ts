import { isPastExpiry, ORDER_STATUSES, type OrderStatus, transition } from './order-state';

describe(transition.name, () => {
  it('should pay only a pending order', () => {
    for (const status of ORDER_STATUSES) {
      const sut = transition(status, { type: 'pay' });

      expect(sut).toEqual(
        status === 'pending' ? { ok: true, to: 'paid' } : { ok: false, reason: 'not_payable' },
      );
    }
  });

  it.each<OrderStatus>(['expired', 'cancelled'])('should refuse to pay a %s order', (status) => {
    expect(transition(status, { type: 'pay' })).toEqual({ ok: false, reason: 'not_payable' });
  });

  it('should cancel and expire only a pending order', () => {
    expect(transition('pending', { type: 'cancel' })).toEqual({ ok: true, to: 'cancelled' });
    expect(transition('pending', { type: 'expire' })).toEqual({ ok: true, to: 'expired' });
    expect(transition('paid', { type: 'cancel' })).toEqual({ ok: false, reason: 'not_cancellable' });
    expect(transition('paid', { type: 'expire' })).toEqual({ ok: false, reason: 'not_expirable' });
    expect(transition('expired', { type: 'cancel' })).toEqual({ ok: false, reason: 'not_cancellable' });
  });

  it('should go to partially_refunded, then refunded once everything paid went back', () => {
    expect(transition('paid', { type: 'refund', paidFen: 1000, refundedFen: 300 })).toEqual({
      ok: true,
      to: 'partially_refunded',
    });
    expect(transition('partially_refunded', { type: 'refund', paidFen: 1000, refundedFen: 1000 })).toEqual({
      ok: true,
      to: 'refunded',
    });
  });

  it('should refuse a refund above what was paid', () => {
    expect(transition('paid', { type: 'refund', paidFen: 1000, refundedFen: 1001 })).toEqual({
      ok: false,
      reason: 'refund_exceeds_paid',
    });
  });

  it.each<OrderStatus>(['pending', 'refunded', 'cancelled', 'expired'])(
    'should refuse to refund a %s order',
    (status) => {
      expect(transition(status, { type: 'refund', paidFen: 10, refundedFen: 5 })).toEqual({
        ok: false,
        reason: 'not_refundable',
      });
    },
  );
});

describe(isPastExpiry.name, () => {
  const expiresAt = new Date('2026-12-07T10:00:00.000Z');

  it('should count the expiry instant itself as too late', () => {
    expect(isPastExpiry(expiresAt, new Date('2026-12-07T09:59:59.999Z'))).toBe(false);
    expect(isPastExpiry(expiresAt, expiresAt)).toBe(true);
  });
});
