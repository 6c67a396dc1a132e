import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { expectEventually, issueTestToken, type ProbedMessage } from '@exam/testing';

import {
  type Caller,
  candidate,
  decisionsAbout,
  PaymentsClient,
  type PaymentsHarness,
  sha256Of,
  SimClient,
  staff,
  stagedStaffActionCount,
  startPaymentsWithSim,
} from './support/payments-bed';
import { buyAndPay } from './support/purchases';

interface Paid {
  readonly orderId: string;
  readonly outTradeNo: string;
}

const KINDS = [
  'missing_on_platform',
  'missing_at_provider',
  'amount_differs',
  'status_differs',
  'refund_missing_on_platform',
  'refund_missing_at_provider',
  'refund_amount_differs',
  'refund_status_differs',
];

function first<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined) throw new Error('expected at least one row');
  return row;
}

/** Today as the merchants' day (Asia/Shanghai): the simulator's statements follow the Beijing day. */
const beijingDate = (at: Date): string => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

describe('payments: daily statement comparison (e2e with pay-sim)', () => {
  let h: PaymentsHarness;
  let api: PaymentsClient;
  const institutionA = randomUUID();
  const institutionB = randomUUID();
  let adminA: Caller;
  let clerkA: Caller;
  let adminB: Caller;
  let buyer: Caller;
  let operator: Caller;
  const today = beijingDate(new Date());
  const products: Record<string, string> = {};
  let aWechat: Paid;
  let aWechat2: Paid;
  let aAlipay: Paid;
  let bWechat: Paid;
  const refundNos: string[] = [];
  let staffActions: ProbedMessage[];

  const sim = async (method: 'POST' | 'DELETE', path: string, body?: object): Promise<Response> =>
    fetch(`${h.sim.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  async function edit(body: object): Promise<void> {
    const response = await sim('POST', '/sim/statement', body);
    expect(response.status).toBe(200);
  }

  async function pay(institutionId: string, provider: 'wechat' | 'alipay'): Promise<Paid> {
    const orderId = await buyAndPay(api, new SimClient(h.sim.url), buyer, {
      productId: products[institutionId],
      provider,
    });
    return { orderId, outTradeNo: orderId.replaceAll('-', '') };
  }

  async function refund(institutionId: string, order: Paid, amountFen: number): Promise<string> {
    const made = await api.call(
      'post',
      `/institutions/${institutionId}/orders/${order.orderId}/refunds`,
      adminA,
      {
        amountFen,
        reason: 'statement test',
        idempotencyKey: `refund-${randomUUID()}`,
      },
    );
    expect(made.status).toBe(201);
    const refundId = made.body.refundId as string;
    return expectEventually(async () => {
      const row = first(
        await h.bed.dataSource.query<{ status: string; outRefundNo: string }[]>(
          'SELECT status, out_refund_no AS outRefundNo FROM payment_refunds WHERE id = ?',
          [refundId],
        ),
      );
      expect(row.status).toBe('succeeded');
      return row.outRefundNo;
    });
  }

  async function run(provider: string, date = today): Promise<Record<string, unknown>> {
    const ran = await api.call('post', '/statement-runs', operator, { provider, date });
    expect(ran.status).toBe(200);
    return ran.body;
  }

  async function mismatches(path: string, who: Caller): Promise<Record<string, unknown>[]> {
    const listed = await api.call('get', path, who);
    expect(listed.status).toBe(200);
    return listed.body.items as Record<string, unknown>[];
  }

  const dayRows = async (): Promise<number> =>
    Number(
      first(
        await h.bed.dataSource.query<{ n: number | string }[]>(
          'SELECT COUNT(*) AS n FROM payment_statement_mismatches WHERE statement_date = ?',
          [today],
        ),
      ).n,
    );

  beforeAll(async () => {
    h = await startPaymentsWithSim();
    api = new PaymentsClient(h.bed.url);
    staffActions = await h.bed.collect(Topics.PaymentStaffActionTaken);
    adminA = staff(institutionA, 'org_admin');
    clerkA = staff(institutionA, 'org_staff');
    adminB = staff(institutionB, 'org_admin');
    buyer = candidate();
    const operatorId = randomUUID();
    operator = {
      userId: operatorId,
      token: issueTestToken({ userId: operatorId, roles: ['platform_admin'] }),
    };
    for (const [institutionId, admin] of [
      [institutionA, adminA],
      [institutionB, adminB],
    ] as const) {
      const product = await api.call('post', `/institutions/${institutionId}/products`, admin, {
        kind: 'course',
        title: '对账测试课程',
        priceFen: 19_900,
      });
      expect(product.status).toBe(201);
      products[institutionId] = product.body.productId as string;
    }
    aWechat = await pay(institutionA, 'wechat');
    aWechat2 = await pay(institutionA, 'wechat');
    aAlipay = await pay(institutionA, 'alipay');
    bWechat = await pay(institutionB, 'wechat');
    refundNos.push(
      await refund(institutionA, aWechat, 1_000),
      await refund(institutionA, aWechat, 2_000),
      await refund(institutionA, aAlipay, 500),
    );
  }, 180_000);

  afterAll(async () => {
    await sim('DELETE', '/sim/statement');
    await h.close();
  });

  it('should find no mismatch when both providers agree with the platform', async () => {
    for (const provider of ['wechat', 'alipay']) {
      const ran = await run(provider);
      expect(ran).toMatchObject({ provider, date: today, status: 'succeeded', mismatchesCount: 0 });
    }
    const runs = await api.call('get', `/statement-runs?date=${today}`, operator);
    expect(runs.body.items).toEqual([
      expect.objectContaining({ provider: 'alipay', paymentsCount: 1, refundsCount: 1 }),
      expect.objectContaining({ provider: 'wechat', paymentsCount: 3, refundsCount: 2 }),
    ]);
    expect(await mismatches(`/statement-mismatches?date=${today}`, operator)).toEqual([]);
  });

  it('should list every kind of mismatch the statements show, each institution only its own', async () => {
    const [r1, r2, r3] = refundNos;
    await edit({ provider: 'wechat', kind: 'extra_trade', amountFen: 1_234 });
    await edit({ provider: 'wechat', kind: 'amount', outTradeNo: aWechat.outTradeNo, amountFen: 19_800 });
    await edit({ provider: 'wechat', kind: 'omit', outTradeNo: bWechat.outTradeNo });
    await edit({ provider: 'wechat', kind: 'status', outTradeNo: aWechat2.outTradeNo, status: 'REVOKED' });
    await edit({ provider: 'wechat', kind: 'refund_amount', outRefundNo: r1, amountFen: 900 });
    await edit({ provider: 'wechat', kind: 'refund_status', outRefundNo: r2, status: 'PROCESSING' });
    await edit({ provider: 'alipay', kind: 'omit_refund', outRefundNo: r3 });
    await edit({ provider: 'alipay', kind: 'extra_refund', outTradeNo: aAlipay.outTradeNo, amountFen: 100 });
    expect(await run('wechat')).toMatchObject({ status: 'succeeded', mismatchesCount: 6 });
    expect(await run('alipay')).toMatchObject({ status: 'succeeded', mismatchesCount: 2 });

    const all = await mismatches(`/statement-mismatches?date=${today}`, operator);
    expect(all.map((m) => m.kind).sort()).toEqual([...KINDS].sort());
    const byKind = new Map(all.map((m) => [m.kind as string, m]));
    expect(byKind.get('missing_on_platform')).toMatchObject({
      provider: 'wechat',
      institutionId: null,
      orderId: null,
      providerAmountFen: 1_234,
      platformAmountFen: null,
      status: 'open',
    });
    expect(byKind.get('amount_differs')).toMatchObject({
      institutionId: institutionA,
      orderId: aWechat.orderId,
      platformAmountFen: 19_900,
      providerAmountFen: 19_800,
    });
    expect(byKind.get('missing_at_provider')).toMatchObject({
      institutionId: institutionB,
      orderId: bWechat.orderId,
    });
    expect(byKind.get('status_differs')).toMatchObject({
      orderId: aWechat2.orderId,
      providerStatus: 'REVOKED',
    });
    expect(byKind.get('refund_amount_differs')).toMatchObject({
      outRefundNo: r1,
      platformAmountFen: 1_000,
      providerAmountFen: 900,
    });
    expect(byKind.get('refund_status_differs')).toMatchObject({
      outRefundNo: r2,
      platformStatus: 'succeeded',
      providerStatus: 'processing',
    });
    expect(byKind.get('refund_missing_at_provider')).toMatchObject({ provider: 'alipay', outRefundNo: r3 });
    expect(byKind.get('refund_missing_on_platform')).toMatchObject({
      provider: 'alipay',
      institutionId: institutionA,
      orderId: aAlipay.orderId,
      providerAmountFen: 100,
    });

    const ofA = await mismatches(`/institutions/${institutionA}/statement-mismatches?date=${today}`, clerkA);
    expect(ofA).toHaveLength(6);
    expect(ofA.every((m) => m.institutionId === institutionA)).toBe(true);
    const ofB = await mismatches(`/institutions/${institutionB}/statement-mismatches`, adminB);
    expect(ofB.map((m) => m.kind)).toEqual(['missing_at_provider']);
    const unowned = await mismatches('/statement-mismatches?unowned=true', operator);
    expect(unowned.map((m) => m.kind)).toEqual(['missing_on_platform']);
    const filtered = await mismatches(
      `/institutions/${institutionA}/statement-mismatches?provider=alipay&kind=refund_missing_on_platform&status=open`,
      adminA,
    );
    expect(filtered.map((m) => m.outTradeNo)).toEqual([aAlipay.outTradeNo]);
  });

  it('should refuse other tenants, candidates and anonymous callers', async () => {
    const pathA = `/institutions/${institutionA}/statement-mismatches`;
    expect((await api.call('get', pathA, adminB)).status).toBe(403);
    expect((await api.call('get', pathA, buyer)).status).toBe(403);
    expect((await api.call('get', pathA, null)).status).toBe(401);
    expect((await api.call('get', '/statement-mismatches', adminA)).status).toBe(403);
    expect(
      (await api.call('post', '/statement-runs', adminA, { provider: 'wechat', date: today })).status,
    ).toBe(403);
    expect((await api.call('get', '/statement-mismatches', buyer)).status).toBe(403);
    const ofB = first(await mismatches(`/institutions/${institutionB}/statement-mismatches`, adminB));
    const stolen = await api.call('post', `${pathA}/${String(ofB.mismatchId)}/resolve`, adminA, {
      note: 'not mine',
    });
    expect(stolen).toMatchObject({ status: 404, body: { code: 'STATEMENT.MISMATCH_NOT_FOUND' } });
    expect(await stagedStaffActionCount(h.bed, String(ofB.mismatchId))).toBe(0);
  });

  it('should refuse malformed and future dates with a reason', async () => {
    const tomorrow = beijingDate(new Date(Date.now() + 86_400_000));
    for (const date of [tomorrow, '2026-02-30']) {
      const refused = await api.call('post', '/statement-runs', operator, { provider: 'wechat', date });
      expect(refused).toMatchObject({ status: 400, body: { code: 'STATEMENT.DATE_INVALID' } });
      const listed = await api.call(
        'get',
        `/institutions/${institutionA}/statement-mismatches?date=${date}`,
        adminA,
      );
      expect(listed).toMatchObject({ status: 400, body: { code: 'STATEMENT.DATE_INVALID' } });
    }
    for (const body of [
      { provider: 'wechat', date: 'yesterday' },
      { provider: 'paypal', date: today },
      { provider: 'wechat', date: today, extra: 1 },
    ]) {
      const refused = await api.call('post', '/statement-runs', operator, body);
      expect(refused).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
    }
    const badKind = await api.call(
      'get',
      `/institutions/${institutionA}/statement-mismatches?kind=other`,
      adminA,
    );
    expect(badKind.status).toBe(400);
  });

  it('should resolve a mismatch once, keeping who, when and the note', async () => {
    const amount = first(
      await mismatches(`/institutions/${institutionA}/statement-mismatches?kind=amount_differs`, adminA),
    );
    const path = `/institutions/${institutionA}/statement-mismatches/${String(amount.mismatchId)}/resolve`;
    expect((await api.call('post', path, adminA, { note: '' })).status).toBe(400);
    expect((await api.call('post', path, adminA, { note: 'x', extra: true })).status).toBe(400);
    const resolved = await api.call('post', path, clerkA, {
      note: 'Provider corrected the amount by phone.',
    });
    expect(resolved).toMatchObject({
      status: 200,
      body: {
        status: 'resolved',
        resolvedBy: clerkA.userId,
        resolutionNote: 'Provider corrected the amount by phone.',
      },
    });
    expect(resolved.body.resolvedAt).toEqual(expect.any(String));
    expect(await api.call('post', path, adminA, { note: 'again' })).toMatchObject({
      status: 409,
      body: { code: 'STATEMENT.ALREADY_RESOLVED' },
    });
    expect(await stagedStaffActionCount(h.bed, String(amount.mismatchId))).toBe(1);
    await expectEventually(() => {
      expect(decisionsAbout(staffActions, String(amount.mismatchId))).toEqual([
        {
          institutionId: institutionA,
          staffUserId: clerkA.userId,
          action: 'statement_mismatch_resolved',
          subjectId: amount.mismatchId,
          amountFen: amount.providerAmountFen,
          reasonSha256: sha256Of('Provider corrected the amount by phone.'),
        },
      ]);
    });
    const unowned = first(await mismatches('/statement-mismatches?unowned=true', operator));
    const byOperator = await api.call(
      'post',
      `/statement-mismatches/${String(unowned.mismatchId)}/resolve`,
      operator,
      {
        note: 'Trade of another shop on our merchant number; reported to WeChat Pay.',
      },
    );
    expect(byOperator).toMatchObject({
      status: 200,
      body: { status: 'resolved', resolvedBy: operator.userId },
    });
    await expectEventually(() => {
      expect(decisionsAbout(staffActions, String(unowned.mismatchId))).toEqual([
        expect.objectContaining({
          institutionId: null,
          staffUserId: operator.userId,
          action: 'statement_mismatch_resolved',
          amountFen: unowned.providerAmountFen,
        }),
      ]);
    });
  });

  it('should update, not duplicate, when a day is run again, keep resolutions, and drop what was fixed', async () => {
    const before = await dayRows();
    expect(before).toBe(8);
    const ids = (await mismatches(`/statement-mismatches?date=${today}`, operator))
      .map((m) => m.mismatchId)
      .sort();
    await run('wechat');
    await run('alipay');
    expect(await dayRows()).toBe(8);
    expect(
      (await mismatches(`/statement-mismatches?date=${today}`, operator)).map((m) => m.mismatchId).sort(),
    ).toEqual(ids);
    expect(await mismatches(`/statement-mismatches?date=${today}&status=resolved`, operator)).toHaveLength(2);

    const runKey = `alipay:${today}`;
    const auditedRuns = await stagedStaffActionCount(h.bed, runKey);
    const racing = await Promise.all(
      [0, 1, 2].map(() => api.call('post', '/statement-runs', operator, { provider: 'alipay', date: today })),
    );
    expect(racing.map((r) => r.status).every((s) => s === 200 || s === 409)).toBe(true);
    expect(
      racing.filter((r) => r.status === 409).every((r) => r.body.code === 'STATEMENT.RUN_IN_PROGRESS'),
    ).toBe(true);
    expect(racing.some((r) => r.status === 200)).toBe(true);
    // One audited request per run that went ahead; the refused ones staged nothing.
    expect(await stagedStaffActionCount(h.bed, runKey)).toBe(
      auditedRuns + racing.filter((r) => r.status === 200).length,
    );
    await expectEventually(() => {
      const runs = decisionsAbout(staffActions, runKey);
      expect(runs).toHaveLength(auditedRuns + racing.filter((r) => r.status === 200).length);
      expect(runs.at(-1)).toEqual(
        expect.objectContaining({
          institutionId: null,
          staffUserId: operator.userId,
          action: 'statement_run_requested',
          subjectId: runKey,
          amountFen: null,
          reasonSha256: null,
        }),
      );
    });
    const runRows = first(
      await h.bed.dataSource.query<{ n: number | string }[]>(
        'SELECT COUNT(*) AS n FROM payment_statement_runs WHERE statement_date = ?',
        [today],
      ),
    );
    expect(Number(runRows.n)).toBe(2);
    expect(await dayRows()).toBe(8);

    expect((await sim('DELETE', '/sim/statement')).status).toBe(200);
    expect(await run('wechat')).toMatchObject({ mismatchesCount: 0 });
    expect(await run('alipay')).toMatchObject({ mismatchesCount: 0 });
    const left = await mismatches(`/statement-mismatches?date=${today}`, operator);
    expect(left.map((m) => [m.kind, m.status]).sort()).toEqual([
      ['amount_differs', 'resolved'],
      ['missing_on_platform', 'resolved'],
    ]);
  });

  it('should refuse a damaged statement file: the run fails with its reason and answers 503', async () => {
    await edit({ provider: 'wechat', kind: 'corrupt_file' });
    await edit({ provider: 'alipay', kind: 'corrupt_file' });
    const before = await dayRows();
    for (const [provider, reason] of [
      ['wechat', /SHA1/],
      ['alipay', /CRC-32|inflate/],
    ] as const) {
      const refused = await api.call('post', '/statement-runs', operator, { provider, date: today });
      expect(refused).toMatchObject({ status: 503, body: { code: 'STATEMENT.UNAVAILABLE' } });
      const runs = await api.call('get', `/statement-runs?date=${today}`, operator);
      const failed = (runs.body.items as Record<string, unknown>[]).find((r) => r.provider === provider);
      expect(failed).toMatchObject({ status: 'failed' });
      expect(String(failed?.failure)).toMatch(reason);
    }
    expect(await dayRows()).toBe(before);
    await sim('DELETE', '/sim/statement');
    expect(await run('wechat')).toMatchObject({ status: 'succeeded', mismatchesCount: 0, failure: null });
    expect(await run('alipay')).toMatchObject({ status: 'succeeded', mismatchesCount: 0, failure: null });
  });

  it('should run yesterday once per provider from the daily job, once the statement hour has come', async () => {
    const now = new Date();
    const yesterday = beijingDate(new Date(now.getTime() - 86_400_000));
    const rows = async (): Promise<{ provider: string; status: string; triggeredBy: string }[]> =>
      h.bed.dataSource.query(
        'SELECT provider, status, triggered_by AS triggeredBy FROM payment_statement_runs WHERE statement_date = ? ORDER BY provider',
        [yesterday],
      );
    if (new Date(now.getTime() + 8 * 3600_000).getUTCHours() >= h.bed.env.PAYMENTS_STATEMENT_HOUR)
      await expectEventually(async () => {
        expect(await rows()).toEqual([
          { provider: 'alipay', status: 'succeeded', triggeredBy: 'job' },
          { provider: 'wechat', status: 'succeeded', triggeredBy: 'job' },
        ]);
      });
    else expect(await rows()).toEqual([]);
  });
});
