import {
  backoffSeconds,
  decideOrder,
  decideRefund,
  MAX_BACKOFF_SECONDS,
  type TradeFinding,
} from './reconciliation-policy';

const now = new Date('2026-12-07T10:00:00.000Z');
const paidTrade = {
  state: 'paid' as const,
  providerTradeNo: '4200000001',
  amountFen: 19_900,
  currency: 'CNY',
  paidAt: new Date('2026-12-07T09:58:00.000Z'),
};
const paid: TradeFinding = { provider: 'wechat', reached: true, state: paidTrade };
const notPaid: TradeFinding = { provider: 'alipay', reached: true, state: { state: 'pending' } };
const closed: TradeFinding = { provider: 'wechat', reached: true, state: { state: 'closed' } };
const down: TradeFinding = { provider: 'alipay', reached: false, detail: 'ECONNREFUSED' };
const secondsAfterNow = (at: Date): number => (at.getTime() - now.getTime()) / 1000;

describe('reconciliation policy', () => {
  describe(backoffSeconds.name, () => {
    it('should double the wait from the base on each attempt and stop at an hour', () => {
      expect([1, 2, 3, 4].map((attempts) => backoffSeconds(attempts, 120))).toEqual([120, 240, 480, 960]);
      expect(backoffSeconds(30, 120)).toBe(MAX_BACKOFF_SECONDS);
      expect(backoffSeconds(10_000, 1)).toBe(MAX_BACKOFF_SECONDS);
      expect(backoffSeconds(0, 120)).toBe(120);
    });
  });

  describe(decideOrder.name, () => {
    it('should apply a payment the provider reports and then stop asking', () => {
      const sut = decideOrder('pending', [paid], 1, now, 120);
      expect(sut.apply).toEqual([{ provider: 'wechat', trade: paidTrade }]);
      expect(sut.next).toEqual({ kind: 'done' });
    });

    it('should apply a payment found on an expired order (the callback path refunds it)', () => {
      const sut = decideOrder('expired', [paid, notPaid], 2, now, 120);
      expect(sut.apply.map((a) => a.provider)).toEqual(['wechat']);
      expect(sut.next).toEqual({ kind: 'done' });
    });

    it('should leave an unpaid pending order to the expiry job and ask again with backoff', () => {
      const sut = decideOrder('pending', [notPaid, closed], 3, now, 120);
      expect(sut.apply).toEqual([]);
      expect(sut.next.kind).toBe('retry');
      if (sut.next.kind === 'retry') expect(secondsAfterNow(sut.next.at)).toBe(480);
    });

    it('should stop asking about a closed order nobody paid for', () => {
      expect(decideOrder('expired', [closed], 1, now, 120)).toEqual({ apply: [], next: { kind: 'done' } });
      expect(decideOrder('cancelled', [notPaid], 1, now, 120)).toEqual({ apply: [], next: { kind: 'done' } });
    });

    it('should ask again later when a provider could not be reached, even after applying another', () => {
      const sut = decideOrder('expired', [paid, down], 2, now, 60);
      expect(sut.apply).toHaveLength(1);
      expect(sut.next.kind).toBe('retry');
      if (sut.next.kind === 'retry') expect(secondsAfterNow(sut.next.at)).toBe(120);
      expect(decideOrder('cancelled', [down], 1, now, 60).next.kind).toBe('retry');
    });
  });

  describe(decideRefund.name, () => {
    it('should settle a refund the provider reports succeeded or closed', () => {
      expect(
        decideRefund({ reached: true, state: { state: 'succeeded', providerRefundId: 'r1' } }, 1, now, 60),
      ).toEqual({ kind: 'settle', providerRefundId: 'r1', succeeded: true });
      expect(
        decideRefund(
          { reached: true, state: { state: 'failed', providerRefundId: 'r2', reason: 'CLOSED' } },
          1,
          now,
          60,
        ),
      ).toEqual({ kind: 'settle', providerRefundId: 'r2', succeeded: false });
    });

    it('should ask again with backoff while processing, unknown or unreachable', () => {
      for (const finding of [
        { reached: true as const, state: { state: 'processing' as const } },
        { reached: true as const, state: { state: 'unknown' as const } },
        { reached: false as const },
      ]) {
        const sut = decideRefund(finding, 2, now, 60);
        expect(sut).toEqual({ kind: 'retry', at: new Date(now.getTime() + 120_000) });
      }
    });
  });
});
