import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { expectEventually, type ProbedMessage } from '@exam/testing';

import { PaymentProviders } from '../src/provider/payment-providers';
import { ReconciliationService } from '../src/reconciliation/reconciliation.service';
import {
  type Caller,
  candidate,
  PaymentsClient,
  type PaymentsHarness,
  SimClient,
  staff,
  startPaymentsWithSim,
} from './support/payments-bed';

interface HistoryEntry {
  readonly fromStatus: string | null;
  readonly toStatus: string;
  readonly cause: string;
  readonly actor: string;
  readonly note: string | null;
}

describe('payments reconciliation: querying the providers when callbacks never come (e2e with pay-sim)', () => {
  let h: PaymentsHarness;
  let api: PaymentsClient;
  let sim: SimClient;
  let sut: ReconciliationService;
  const institution = randomUUID();
  let admin: Caller;
  let buyer: Caller;
  let courseId: string;
  let paid: ProbedMessage[];
  let refunded: ProbedMessage[];

  const tradeNo = (orderId: string): string => orderId.replaceAll('-', '');
  const methodOf = (provider: string): string => (provider === 'wechat' ? 'native' : 'precreate');
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  async function placeCourse(): Promise<string> {
    const order = await api.call('post', '/orders', buyer, {
      productId: courseId,
      quantity: 1,
      idempotencyKey: `key-${randomUUID()}`,
    });
    expect(order.status).toBe(201);
    return order.body.orderId as string;
  }

  async function checkout(orderId: string, provider: string): Promise<string> {
    const started = await api.call('post', `/me/orders/${orderId}/checkout`, buyer, {
      provider,
      method: methodOf(provider),
    });
    expect(started.status).toBe(200);
    return (started.body.codeUrl ?? started.body.payUrl) as string;
  }

  /** An order the buyer paid at the provider whose payment callback the simulator holds back. */
  async function paidWithCallbackHeld(provider: string): Promise<string> {
    const orderId = await placeCourse();
    const link = await checkout(orderId, provider);
    await sim.control({ hold: true });
    const result = await sim.pay(link);
    expect(result.status).toBe(200);
    expect(result.body.deliveries.map((d) => d.status)).toEqual([null]);
    return orderId;
  }

  async function orderOf(orderId: string): Promise<Record<string, unknown>> {
    const got = await api.call('get', `/me/orders/${orderId}`, buyer);
    expect(got.status).toBe(200);
    return got.body;
  }

  async function schedule(orderId: string): Promise<{ at: Date | null; attempts: number }> {
    const rows = await h.bed.dataSource.query<{ reconcile_at: Date | null; reconcile_attempts: string }[]>(
      'SELECT reconcile_at, reconcile_attempts FROM payment_orders WHERE id = ?',
      [orderId],
    );
    const row = rows.at(0);
    if (row === undefined) throw new Error(`order ${orderId} is gone`);
    return { at: row.reconcile_at, attempts: Number(row.reconcile_attempts) };
  }

  /** Makes the order due for a query now, as if PAYMENTS_RECONCILE_AFTER_SECONDS had passed. */
  async function makeDue(table: 'payment_orders' | 'payment_refunds', id: string): Promise<void> {
    await h.bed.dataSource.query(`UPDATE ${table} SET reconcile_at = ? WHERE id = ?`, [
      new Date(Date.now() - 1000),
      id,
    ]);
  }

  async function records(outTradeNo: string): Promise<{ kind: string; outcome: string }[]> {
    return h.bed.dataSource.query(
      'SELECT kind, outcome FROM payment_callbacks WHERE out_trade_no = ? ORDER BY id',
      [outTradeNo],
    );
  }

  beforeAll(async () => {
    h = await startPaymentsWithSim({
      // The tests run the job's pass themselves, so they know when it ran; backoff starts at 2 s.
      PAYMENTS_RECONCILE_INTERVAL_SECONDS: '0',
      PAYMENTS_RECONCILE_AFTER_SECONDS: '2',
    });
    api = new PaymentsClient(h.bed.url);
    sim = new SimClient(h.sim.url);
    sut = h.bed.service.app.get(ReconciliationService);
    admin = staff(institution, 'org_admin');
    buyer = candidate();
    [paid, refunded] = await Promise.all([
      h.bed.collect(Topics.OrderPaid),
      h.bed.collect(Topics.OrderRefunded),
    ]);
    const course = await api.call('post', `/institutions/${institution}/products`, admin, {
      kind: 'course',
      title: '考前冲刺课程',
      priceFen: 19_900,
    });
    expect(course.status).toBe(201);
    courseId = course.body.productId as string;
  }, 120_000);

  afterEach(async () => {
    await sim.reset();
  });

  afterAll(async () => {
    await h.close();
  });

  it('should settle a payment whose callback was dropped by querying the provider, and the late callback should change nothing', async () => {
    for (const provider of ['wechat', 'alipay']) {
      const orderId = await paidWithCallbackHeld(provider);
      const planned = await schedule(orderId);
      expect(planned.at?.getTime()).toBeGreaterThan(Date.now());
      await sut.reconcileDue();
      expect(await schedule(orderId)).toEqual(planned);
      expect((await orderOf(orderId)).status).toBe('pending');

      await makeDue('payment_orders', orderId);
      const report = await sut.reconcileDue();

      expect(report.paymentsApplied).toBeGreaterThanOrEqual(1);
      const detail = await orderOf(orderId);
      expect(detail).toMatchObject({ status: 'paid', provider, paidFen: 19_900 });
      expect((detail.history as HistoryEntry[]).at(-1)).toEqual({
        ...(detail.history as HistoryEntry[]).at(-1),
        fromStatus: 'pending',
        toStatus: 'paid',
        cause: 'paid',
        actor: 'job:reconciliation',
        note: `settled by querying ${provider}: no callback came`,
      });
      expect(await records(tradeNo(orderId))).toEqual([{ kind: 'query', outcome: 'applied' }]);
      expect((await schedule(orderId)).at).toBeNull();
      await expectEventually(() => {
        expect(paid.filter((m) => m.key === orderId)).toHaveLength(1);
      });

      const [late] = await sim.release();
      expect(late).toMatchObject({ outTradeNo: tradeNo(orderId), status: provider === 'wechat' ? 204 : 200 });
      expect(await records(tradeNo(orderId))).toEqual([
        { kind: 'query', outcome: 'applied' },
        { kind: 'payment', outcome: 'duplicate' },
      ]);
      const after = await orderOf(orderId);
      expect(after).toMatchObject({ status: 'paid', paidFen: 19_900 });
      expect((after.history as HistoryEntry[]).map((t) => t.toStatus)).toEqual(['pending', 'paid']);
      const transactions = await h.bed.dataSource.query<unknown[]>(
        'SELECT id FROM payment_transactions WHERE order_id = ?',
        [orderId],
      );
      expect(transactions).toHaveLength(1);
      await sleep(300);
      expect(paid.filter((m) => m.key === orderId)).toHaveLength(1);
    }
  });

  it('should settle each order once when two passes run in parallel', async () => {
    const orders = [
      await paidWithCallbackHeld('wechat'),
      await paidWithCallbackHeld('alipay'),
      await paidWithCallbackHeld('wechat'),
    ];
    for (const orderId of orders) await makeDue('payment_orders', orderId);

    const reports = await Promise.all([sut.reconcileOrders(), sut.reconcileOrders(), sut.reconcileOrders()]);

    expect(reports.reduce((sum, r) => sum + r.paymentsApplied, 0)).toBe(3);
    expect(reports.reduce((sum, r) => sum + r.ordersChecked, 0)).toBe(3);
    for (const orderId of orders) {
      expect(await orderOf(orderId)).toMatchObject({ status: 'paid', paidFen: 19_900 });
      expect(await records(tradeNo(orderId))).toEqual([{ kind: 'query', outcome: 'applied' }]);
    }
    // A replica whose lease ran out asks again while the callbacks arrive: still one payment each.
    for (const orderId of orders) await makeDue('payment_orders', orderId);
    const [again] = await Promise.all([sut.reconcileOrders(), sim.release()]);
    expect(again.paymentsApplied).toBe(0);
    await expectEventually(() => {
      expect(paid.filter((m) => orders.includes(m.key ?? ''))).toHaveLength(3);
    });
    for (const orderId of orders) {
      const rows = await h.bed.dataSource.query<unknown[]>(
        'SELECT id FROM payment_transactions WHERE order_id = ?',
        [orderId],
      );
      expect(rows).toHaveLength(1);
    }
  });

  it('should refund a payment the query finds on an order that expired meanwhile', async () => {
    const orderId = await paidWithCallbackHeld('wechat');
    await h.bed.dataSource.query('UPDATE payment_orders SET expires_at = ? WHERE id = ?', [
      new Date(Date.now() - 1000),
      orderId,
    ]);
    await expectEventually(async () => {
      expect((await orderOf(orderId)).status).toBe('expired');
    });
    // The expiry asked for one last query at once.
    expect((await schedule(orderId)).at?.getTime()).toBeLessThanOrEqual(Date.now());
    await sim.reset();

    await sut.reconcileOrders();

    await expectEventually(async () => {
      const detail = await orderOf(orderId);
      expect(detail.status).toBe('expired');
      expect(detail.refunds).toMatchObject([
        { source: 'late_payment', amountFen: 19_900, status: 'succeeded' },
      ]);
      const late = (detail.history as HistoryEntry[]).find((t) => t.cause === 'late_payment');
      expect(late).toMatchObject({ actor: 'job:reconciliation', toStatus: 'expired' });
      expect(late?.note).toContain('settled by querying wechat');
    });
    expect((await records(tradeNo(orderId))).slice(0, 1)).toEqual([
      { kind: 'query', outcome: 'late_refunded' },
    ]);
    expect((await schedule(orderId)).at).toBeNull();
    expect(paid.filter((m) => m.key === orderId)).toHaveLength(0);
  });

  it('should settle a WeChat refund whose callback was dropped by querying the refund, once', async () => {
    const orderId = await placeCourse();
    await sim.pay(await checkout(orderId, 'wechat'));
    expect((await orderOf(orderId)).status).toBe('paid');
    await sim.control({ hold: true });
    const asked = await api.call('post', `/institutions/${institution}/orders/${orderId}/refunds`, admin, {
      amountFen: 19_900,
      reason: '课程取消',
      idempotencyKey: `refund-${randomUUID()}`,
    });
    expect(asked).toMatchObject({ status: 201, body: { status: 'processing' } });
    const refundId = asked.body.refundId as string;
    await sut.reconcileRefunds();
    expect((await orderOf(orderId)).status).toBe('paid');

    await makeDue('payment_refunds', refundId);
    const report = await sut.reconcileRefunds();

    expect(report.refundsSettled).toBe(1);
    const detail = await orderOf(orderId);
    expect(detail).toMatchObject({ status: 'refunded', refundedFen: 19_900 });
    expect(detail.refunds).toMatchObject([{ refundId, status: 'succeeded' }]);
    await expectEventually(() => {
      expect(refunded.filter((m) => m.key === orderId)).toHaveLength(1);
    });
    const [late] = await sim.release();
    expect(late).toMatchObject({ kind: 'refund', status: 204 });
    expect((await records(tradeNo(orderId))).slice(-2)).toEqual([
      { kind: 'query', outcome: 'refund_settled' },
      { kind: 'refund', outcome: 'duplicate' },
    ]);
    await makeDue('payment_refunds', refundId);
    expect((await sut.reconcileRefunds()).refundsChecked).toBe(0);
    await sleep(300);
    expect(refunded.filter((m) => m.key === orderId)).toHaveLength(1);
    expect((await orderOf(orderId)).refundedFen).toBe(19_900);
  });

  it('should read Alipay refunds back through alipay.trade.fastpay.refund.query, and know an unknown one', async () => {
    const orderId = await placeCourse();
    await sim.pay(await checkout(orderId, 'alipay'));
    const asked = await api.call('post', `/institutions/${institution}/orders/${orderId}/refunds`, admin, {
      amountFen: 900,
      reason: '部分退款',
      idempotencyKey: `refund-${randomUUID()}`,
    });
    expect(asked).toMatchObject({ status: 201, body: { status: 'succeeded' } });
    const rows = await h.bed.dataSource.query<{ out_refund_no: string; provider_refund_id: string }[]>(
      'SELECT out_refund_no, provider_refund_id FROM payment_refunds WHERE id = ?',
      [asked.body.refundId],
    );
    const row = rows.at(0);
    const alipay = h.bed.service.app.get(PaymentProviders).get('alipay');
    expect(
      await alipay.queryRefund({ outTradeNo: tradeNo(orderId), outRefundNo: row?.out_refund_no ?? '' }),
    ).toEqual({
      state: 'succeeded',
      providerRefundId: row?.provider_refund_id,
    });
    expect(
      await alipay.queryRefund({
        outTradeNo: tradeNo(orderId),
        outRefundNo: 'R0000000000000000000000000000000',
      }),
    ).toEqual({
      state: 'unknown',
    });
    const wechat = h.bed.service.app.get(PaymentProviders).get('wechat');
    expect(
      await wechat.queryRefund({
        outTradeNo: tradeNo(orderId),
        outRefundNo: 'R0000000000000000000000000000000',
      }),
    ).toEqual({
      state: 'unknown',
    });
  });

  it('should keep an order pending and retry later with backoff while the provider is down, letting no error escape', async () => {
    const orderId = await paidWithCallbackHeld('wechat');
    const baseUrl = h.bed.env.WECHATPAY_BASE_URL;
    h.bed.env.WECHATPAY_BASE_URL = 'http://127.0.0.1:9';
    try {
      await makeDue('payment_orders', orderId);
      const first = await sut.reconcileDue();
      expect(first.unreachable).toBeGreaterThanOrEqual(1);
      const once = await schedule(orderId);
      expect(once.attempts).toBe(1);
      expect(once.at?.getTime()).toBeGreaterThan(Date.now());
      await makeDue('payment_orders', orderId);
      await expect(sut.reconcileDue()).resolves.toMatchObject({ unreachable: 1 });
      const twice = await schedule(orderId);
      expect(twice.attempts).toBe(2);
      // Backoff doubles: the second wait (4 s) is longer than the first (2 s).
      expect(twice.at?.getTime()).toBeGreaterThan(Date.now() + 2500);
      expect(await orderOf(orderId)).toMatchObject({ status: 'pending', paidFen: 0 });
      expect(await records(tradeNo(orderId))).toEqual([]);
    } finally {
      h.bed.env.WECHATPAY_BASE_URL = baseUrl;
    }
    await makeDue('payment_orders', orderId);
    await sut.reconcileDue();
    expect(await orderOf(orderId)).toMatchObject({ status: 'paid', paidFen: 19_900 });
  });
});
