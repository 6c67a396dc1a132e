import type { Order, Registration } from '../api/types';
import { cancelConsequence, isActive, orderOf, registrationView } from './registration-status';

const now = new Date('2026-06-01T02:00:00.000Z');

const registration = (over: Partial<Registration> = {}): Registration => ({
  registrationId: 'r1',
  examId: 'e1',
  registrationNumber: 'ABC000001',
  ticketNumber: null,
  status: 'pending_payment',
  verifiedName: null,
  verifiedIdNumber: null,
  answers: {},
  feeFen: 12_000,
  paid: false,
  locked: true,
  lockedReason: null,
  reviewReason: null,
  createdAt: '2026-06-01T01:00:00.000Z',
  confirmedAt: null,
  cancelledAt: null,
  ...over,
});

const order = (over: Partial<Order> = {}): Order => ({
  orderId: 'o1',
  kind: 'exam_fee',
  registrationId: 'r1',
  amountFen: 12_000,
  status: 'pending',
  paidFen: 0,
  refundedFen: 0,
  expiresAt: '2026-06-01T02:30:00.000Z',
  paidAt: null,
  createdAt: '2026-06-01T01:00:01.000Z',
  ...over,
});

describe('registration status in words', () => {
  it('should wait for the order the payments service opens after registering', () => {
    expect(registrationView(registration(), undefined, now)).toMatchObject({
      status: 'preparing_payment',
      next: 'wait',
      settling: true,
      canPay: false,
    });
  });

  it('should ask to pay a pending order within its time', () => {
    expect(registrationView(registration(), order(), now)).toMatchObject({
      status: 'pending_payment',
      next: 'pay',
      canPay: true,
      tone: 'warning',
    });
  });

  it('should call an order past its time expired, even before the expiry job closes it', () => {
    const late = new Date('2026-06-01T02:30:00.000Z');
    expect(registrationView(registration(), order(), late)).toMatchObject({
      status: 'payment_expired',
      next: 'cancel_and_register_again',
      canPay: false,
    });
    expect(registrationView(registration(), order({ status: 'expired' }), now).status).toBe(
      'payment_expired',
    );
  });

  it('should wait for the confirmation once the order is paid', () => {
    expect(registrationView(registration(), order({ status: 'paid', paidFen: 12_000 }), now)).toMatchObject({
      status: 'payment_confirming',
      settling: true,
    });
  });

  it('should offer the admission ticket once confirmed', () => {
    expect(registrationView(registration({ status: 'confirmed', paid: true }), undefined, now)).toMatchObject(
      {
        status: 'confirmed',
        next: 'download_ticket',
        canDownloadTicket: true,
        tone: 'success',
      },
    );
  });

  it('should wait for the institution while under review', () => {
    expect(registrationView(registration({ status: 'pending_review' }), undefined, now)).toMatchObject({
      status: 'pending_review',
      next: 'wait',
    });
  });

  it('should show a rejection, and offer to register again', () => {
    expect(registrationView(registration({ status: 'rejected' }), undefined, now)).toMatchObject({
      status: 'rejected',
      next: 'register_again',
      tone: 'error',
    });
  });

  it('should tell a cancelled unpaid registration from a refunded one and one being refunded', () => {
    const cancelled = registration({ status: 'cancelled' });
    expect(registrationView(cancelled, order({ status: 'cancelled' }), now).status).toBe('cancelled');
    expect(registrationView(cancelled, undefined, now).status).toBe('cancelled');
    const paid = registration({ status: 'cancelled', paid: true });
    expect(registrationView(paid, order({ status: 'paid', paidFen: 12_000 }), now)).toMatchObject({
      status: 'refunding',
      settling: true,
    });
    expect(
      registrationView(paid, order({ status: 'refunded', paidFen: 12_000, refundedFen: 12_000 }), now).status,
    ).toBe('refunded');
  });

  it('should pick the newest order of the registration', () => {
    const older = order({ orderId: 'old', createdAt: '2026-06-01T01:00:00.000Z' });
    const newer = order({ orderId: 'new', createdAt: '2026-06-01T01:10:00.000Z' });
    const other = order({ orderId: 'other', registrationId: 'r2', createdAt: '2026-06-01T01:20:00.000Z' });
    expect(orderOf('r1', [older, other, newer])?.orderId).toBe('new');
    expect(orderOf('r3', [older])).toBeUndefined();
  });

  it('should say what cancelling does: refund a paid fee, close an unpaid order, or free the seat', () => {
    expect(cancelConsequence(registration({ status: 'confirmed', paid: true }), undefined)).toBe('refund');
    expect(cancelConsequence(registration(), order())).toBe('close_order');
    expect(cancelConsequence(registration({ status: 'confirmed', feeFen: 0 }), undefined)).toBe(
      'release_seat',
    );
  });

  it('should call only registrations still holding a seat active', () => {
    expect(isActive(registration({ status: 'confirmed' }))).toBe(true);
    expect(isActive(registration({ status: 'rejected' }))).toBe(false);
    expect(isActive(registration({ status: 'cancelled' }))).toBe(false);
  });
});
