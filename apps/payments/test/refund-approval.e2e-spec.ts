import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { expectEventually, type ProbedMessage, testEnvelope } from '@exam/testing';

import {
  type Caller,
  candidate,
  decisionsAbout,
  PaymentsClient,
  type PaymentsHarness,
  type Reply,
  sha256Of,
  SimClient,
  staff,
  stagedStaffActionCount,
  startPaymentsWithSim,
} from './support/payments-bed';
import { buyAndPay } from './support/purchases';
import { put } from './support/settings-and-files';

describe('payments: refund approval threshold (e2e with pay-sim)', () => {
  let h: PaymentsHarness;
  let api: PaymentsClient;
  let sim: SimClient;
  const institution = randomUUID();
  const otherInstitution = randomUUID();
  let admin: Caller;
  let secondAdmin: Caller;
  let clerk: Caller;
  let outsider: Caller;
  let buyer: Caller;
  let courseId: string;
  let refunded: ProbedMessage[];
  let staffActions: ProbedMessage[];

  const inst = (path: string, id = institution): string => `/institutions/${id}${path}`;
  const settingsPath = inst('/payment-settings');

  /** A paid order of 100 000 fen (two courses), paid through Alipay, which settles refunds at once. */
  async function paidOrder(): Promise<string> {
    const orderId = await buyAndPay(api, sim, buyer, {
      productId: courseId,
      quantity: 2,
      provider: 'alipay',
      method: 'page',
    });
    expect(await order(orderId)).toMatchObject({ status: 'paid', amountFen: 100_000 });
    return orderId;
  }

  async function order(orderId: string): Promise<Record<string, unknown>> {
    const got = await api.call('get', inst(`/orders/${orderId}`), clerk);
    expect(got.status).toBe(200);
    return got.body;
  }

  function refund(
    orderId: string,
    who: Caller,
    amountFen: number,
    key = `refund-${randomUUID()}`,
  ): Promise<Reply> {
    return api.call('post', inst(`/orders/${orderId}/refunds`), who, {
      amountFen,
      reason: '学员退课',
      idempotencyKey: key,
    });
  }

  async function pendingRefund(orderId: string, who: Caller, amountFen: number): Promise<string> {
    const asked = await refund(orderId, who, amountFen);
    expect(asked).toMatchObject({ status: 201, body: { status: 'pending_approval', amountFen } });
    return asked.body.refundId as string;
  }

  const approve = (refundId: string, who: Caller, id = institution): Promise<Reply> =>
    api.call('post', inst(`/refunds/${refundId}/approve`, id), who);
  const reject = (refundId: string, who: Caller, reason = '证据不足', id = institution): Promise<Reply> =>
    api.call('post', inst(`/refunds/${refundId}/reject`, id), who, { reason });

  function refundEventsOf(orderId: string): { refundId: string; amountFen: number }[] {
    return refunded
      .filter((m) => m.key === orderId)
      .map(
        (m) => (JSON.parse(m.value ?? '{}') as { payload: { refundId: string; amountFen: number } }).payload,
      );
  }

  beforeAll(async () => {
    h = await startPaymentsWithSim();
    api = new PaymentsClient(h.bed.url);
    sim = new SimClient(h.sim.url);
    admin = staff(institution, 'org_admin');
    secondAdmin = staff(institution, 'org_admin');
    clerk = staff(institution, 'org_staff');
    outsider = staff(otherInstitution, 'org_admin');
    buyer = candidate();
    refunded = await h.bed.collect(Topics.OrderRefunded);
    staffActions = await h.bed.collect(Topics.PaymentStaffActionTaken);
    const course = await api.call('post', inst('/products'), admin, {
      kind: 'course',
      title: '高级研修班',
      priceFen: 50_000,
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

  it('should start from the default threshold and let only the institution’s org_admins change it', async () => {
    expect(await api.call('get', settingsPath, clerk)).toMatchObject({
      status: 200,
      body: {
        institutionId: institution,
        refundApprovalThresholdFen: 50_000,
        source: 'default',
        updatedAt: null,
      },
    });
    expect((await put(h.bed.url, settingsPath, clerk, { refundApprovalThresholdFen: 1 })).status).toBe(403);
    expect((await put(h.bed.url, settingsPath, outsider, { refundApprovalThresholdFen: 1 })).status).toBe(
      403,
    );
    expect((await put(h.bed.url, settingsPath, buyer, { refundApprovalThresholdFen: 1 })).status).toBe(403);
    expect((await put(h.bed.url, settingsPath, null, { refundApprovalThresholdFen: 1 })).status).toBe(401);
    expect((await api.call('get', settingsPath, outsider)).status).toBe(403);
    for (const bad of [
      {},
      { refundApprovalThresholdFen: -1 },
      { refundApprovalThresholdFen: 1.5 },
      { refundApprovalThresholdFen: '30000' },
      { refundApprovalThresholdFen: 1, currency: 'CNY' },
    ])
      expect(await put(h.bed.url, settingsPath, admin, bad)).toMatchObject({
        status: 400,
        body: { code: 'REQUEST.INVALID' },
      });
    expect(await put(h.bed.url, settingsPath, admin, { refundApprovalThresholdFen: null })).toMatchObject({
      status: 200,
      body: { refundApprovalThresholdFen: null, source: 'institution' },
    });
    const saved = await put(h.bed.url, settingsPath, admin, { refundApprovalThresholdFen: 30_000 });
    expect(saved).toMatchObject({
      status: 200,
      body: { refundApprovalThresholdFen: 30_000, source: 'institution' },
    });
    expect((await api.call('get', settingsPath, clerk)).body.refundApprovalThresholdFen).toBe(30_000);
    // The refused changes above put nothing on the audit topic; the two saves one event each.
    await expectEventually(() => {
      expect(decisionsAbout(staffActions, institution)).toEqual([
        expect.objectContaining({
          action: 'refund_threshold_changed',
          institutionId: institution,
          staffUserId: admin.userId,
          amountFen: null,
          reasonSha256: null,
        }),
        expect.objectContaining({ action: 'refund_threshold_changed', amountFen: 30_000 }),
      ]);
    });
    expect((await api.call('get', inst('/payment-settings', otherInstitution), outsider)).body).toMatchObject(
      {
        refundApprovalThresholdFen: 50_000,
        source: 'default',
      },
    );
  });

  it('should send refunds up to the threshold at once and hold, reserved, the one that passes it, however split', async () => {
    const orderId = await paidOrder();
    const first = await refund(orderId, clerk, 20_000);
    expect(first).toMatchObject({ status: 201, body: { status: 'succeeded' } });
    const second = await refund(orderId, clerk, 10_000);
    expect(second).toMatchObject({ status: 201, body: { status: 'succeeded' } });
    // 30 000 refunded: one more fen passes the threshold.
    const held = await refund(orderId, clerk, 1);
    expect(held).toMatchObject({ status: 201, body: { status: 'pending_approval', amountFen: 1 } });
    const key = `refund-${randomUUID()}`;
    const big = await refund(orderId, clerk, 69_999, key);
    expect(big).toMatchObject({ status: 201, body: { status: 'pending_approval' } });
    expect((await refund(orderId, clerk, 69_999, key)).body.refundId).toBe(big.body.refundId);
    expect(await order(orderId)).toMatchObject({
      status: 'partially_refunded',
      refundedFen: 30_000,
      refundableFen: 0,
    });
    expect(await refund(orderId, clerk, 1)).toMatchObject({
      status: 422,
      body: { code: 'REFUND.EXCEEDS_PAID' },
    });
    const awaiting = await api.call('get', inst('/refunds/awaiting-approval'), clerk);
    expect(awaiting.status).toBe(200);
    const mine = (awaiting.body.items as { refundId: string; orderId: string; requestedBy: string }[]).filter(
      (r) => r.orderId === orderId,
    );
    expect(mine.map((r) => r.refundId).sort()).toEqual([held.body.refundId, big.body.refundId].sort());
    expect(mine.every((r) => r.requestedBy === `user:${clerk.userId}`)).toBe(true);
    await expectEventually(() => {
      expect(
        refundEventsOf(orderId)
          .map((e) => e.amountFen)
          .sort(),
      ).toEqual([10_000, 20_000]);
    });
  });

  it('should refuse the requester’s own approval, org_staff and other institutions, and let another org_admin approve', async () => {
    const orderId = await paidOrder();
    const refundId = await pendingRefund(orderId, admin, 40_000);
    expect(await approve(refundId, admin)).toMatchObject({
      status: 403,
      body: { code: 'REFUND_APPROVAL.OWN_REQUEST' },
    });
    expect(await reject(refundId, admin)).toMatchObject({
      status: 403,
      body: { code: 'REFUND_APPROVAL.OWN_REQUEST' },
    });
    expect((await approve(refundId, clerk)).status).toBe(403);
    expect((await approve(refundId, outsider)).status).toBe(403);
    expect((await approve(refundId, buyer)).status).toBe(403);
    expect(await approve(refundId, outsider, otherInstitution)).toMatchObject({
      status: 404,
      body: { code: 'REFUND_APPROVAL.NOT_FOUND' },
    });
    expect((await api.call('get', inst(`/refunds/${refundId}`, otherInstitution), outsider)).status).toBe(
      404,
    );
    expect((await api.call('get', inst('/refunds/awaiting-approval'), outsider)).status).toBe(403);
    const otherQueue = await api.call('get', inst('/refunds/awaiting-approval', otherInstitution), outsider);
    expect(otherQueue).toMatchObject({ status: 200, body: { items: [] } });
    expect((await order(orderId)).status).toBe('paid');
    // Only the request: none of the refused decisions staged an audit event.
    expect(await stagedStaffActionCount(h.bed, refundId)).toBe(1);

    const approved = await approve(refundId, secondAdmin);
    expect(approved).toMatchObject({
      status: 200,
      body: {
        refundId,
        status: 'succeeded',
        requestedBy: `user:${admin.userId}`,
        decidedBy: `user:${secondAdmin.userId}`,
        decisionReason: null,
      },
    });
    expect(approved.body.decidedAt).toEqual(expect.any(String));
    expect(await order(orderId)).toMatchObject({
      status: 'partially_refunded',
      refundedFen: 40_000,
      refundableFen: 60_000,
    });
    // Events of one refund stay in order: the refused decisions before the approval published nothing.
    await expectEventually(() => {
      expect(decisionsAbout(staffActions, refundId)).toEqual([
        {
          institutionId: institution,
          staffUserId: admin.userId,
          action: 'refund_requested',
          subjectId: refundId,
          amountFen: 40_000,
          reasonSha256: sha256Of('学员退课'),
        },
        {
          institutionId: institution,
          staffUserId: secondAdmin.userId,
          action: 'refund_approved',
          subjectId: refundId,
          amountFen: 40_000,
          reasonSha256: null,
        },
      ]);
    });
    const history = (await order(orderId)).history as { cause: string; actor: string }[];
    expect(history.filter((t) => t.cause.startsWith('refund_approv'))).toEqual([
      expect.objectContaining({ cause: 'refund_approval_requested', actor: `user:${admin.userId}` }),
      expect.objectContaining({ cause: 'refund_approved', actor: `user:${secondAdmin.userId}` }),
    ]);
    const direct = await refund(await paidOrder(), clerk, 100);
    expect(await approve(direct.body.refundId as string, admin)).toMatchObject({
      status: 409,
      body: { code: 'REFUND_APPROVAL.NOT_AWAITING_APPROVAL' },
    });
  });

  it('should reject with a reason, release the reservation, and keep the decision', async () => {
    const orderId = await paidOrder();
    const refundId = await pendingRefund(orderId, clerk, 80_000);
    expect((await order(orderId)).refundableFen).toBe(20_000);
    expect(await api.call('post', inst(`/refunds/${refundId}/reject`), admin, {})).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID' },
    });
    const rejected = await reject(refundId, admin, '重复申请');
    expect(rejected).toMatchObject({
      status: 200,
      body: { status: 'rejected', decidedBy: `user:${admin.userId}`, decisionReason: '重复申请' },
    });
    expect((await reject(refundId, admin, '重复申请')).status).toBe(200);
    expect(await approve(refundId, secondAdmin)).toMatchObject({
      status: 409,
      body: { code: 'REFUND_APPROVAL.ALREADY_DECIDED' },
    });
    expect(await order(orderId)).toMatchObject({ status: 'paid', refundedFen: 0, refundableFen: 100_000 });
    const queue = (await api.call('get', inst('/refunds/awaiting-approval'), clerk)).body.items as {
      refundId: string;
    }[];
    expect(queue.map((r) => r.refundId)).not.toContain(refundId);
    expect(refundEventsOf(orderId)).toEqual([]);
    // The repeated rejection and the refused approval put nothing on the audit topic.
    await expectEventually(() => {
      expect(decisionsAbout(staffActions, refundId)).toEqual([
        expect.objectContaining({ action: 'refund_requested', staffUserId: clerk.userId, amountFen: 80_000 }),
        {
          institutionId: institution,
          staffUserId: admin.userId,
          action: 'refund_rejected',
          subjectId: refundId,
          amountFen: 80_000,
          reasonSha256: sha256Of('重复申请'),
        },
      ]);
    });
    expect(await stagedStaffActionCount(h.bed, refundId)).toBe(2);
  });

  it('should submit once when two org_admins approve in parallel', async () => {
    const orderId = await paidOrder();
    const refundId = await pendingRefund(orderId, clerk, 60_000);
    const replies = await Promise.all([
      approve(refundId, admin),
      approve(refundId, secondAdmin),
      approve(refundId, admin),
      approve(refundId, secondAdmin),
    ]);
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const deciders = new Set(replies.map((r) => r.body.decidedBy));
    expect(deciders.size).toBe(1);
    await expectEventually(async () => {
      expect(await order(orderId)).toMatchObject({ status: 'partially_refunded', refundedFen: 60_000 });
      expect(refundEventsOf(orderId)).toEqual([expect.objectContaining({ refundId, amountFen: 60_000 })]);
    });
    const history = (await order(orderId)).history as { cause: string }[];
    expect(history.filter((t) => t.cause === 'refund_approved')).toHaveLength(1);
    await expectEventually(() => {
      expect(decisionsAbout(staffActions, refundId).map((e) => e.action)).toEqual([
        'refund_requested',
        'refund_approved',
      ]);
    });
  });

  it('should let exactly one of an approval and a rejection racing win, the other 409', async () => {
    for (let round = 0; round < 3; round += 1) {
      const orderId = await paidOrder();
      const refundId = await pendingRefund(orderId, clerk, 50_000);
      const [approval, rejection] = await Promise.all([
        approve(refundId, admin),
        reject(refundId, secondAdmin),
      ]);
      expect([approval.status, rejection.status].sort()).toEqual([200, 409]);
      const loser = approval.status === 409 ? approval : rejection;
      expect(loser.body.code).toBe('REFUND_APPROVAL.ALREADY_DECIDED');
      const detail = await order(orderId);
      if (approval.status === 200) {
        expect(detail).toMatchObject({ refundedFen: 50_000, refundableFen: 50_000 });
      } else {
        expect(detail).toMatchObject({ status: 'paid', refundedFen: 0, refundableFen: 100_000 });
      }
    }
  });

  it('should refund exam’s cancelled registrations without approval, even at threshold 0', async () => {
    expect((await put(h.bed.url, settingsPath, admin, { refundApprovalThresholdFen: 0 })).status).toBe(200);
    expect((await refund(await paidOrder(), clerk, 1)).body.status).toBe('pending_approval');
    const registrationId = randomUUID();
    const student = candidate();
    const created = testEnvelope(Topics.RegistrationCreated, registrationId, {
      registrationId,
      examId: randomUUID(),
      userId: student.userId,
      institutionId: institution,
      feeRequired: true,
      feeFen: 88_000,
    });
    await h.bed.publish(created);
    let orderId = '';
    await expectEventually(async () => {
      const mine = await api.call('get', '/me/orders', student);
      expect(mine.body.items).toMatchObject([{ registrationId, status: 'pending' }]);
      orderId = (mine.body.items as { orderId: string }[])[0]?.orderId ?? '';
    });
    const started = await api.call('post', `/me/orders/${orderId}/checkout`, student, {
      provider: 'alipay',
      method: 'page',
    });
    await sim.pay(started.body.payUrl as string);
    await expectEventually(async () => {
      expect((await order(orderId)).status).toBe('paid');
    });
    const cancelled = testEnvelope(Topics.RefundRequested, registrationId, {
      registrationId,
      orderId,
      userId: student.userId,
      amountFen: 88_000,
      currency: 'CNY',
    });
    await h.bed.publish(cancelled);
    await expectEventually(async () => {
      const detail = await order(orderId);
      expect(detail).toMatchObject({ status: 'refunded', refundedFen: 88_000 });
      expect(detail.refunds).toMatchObject([{ source: 'exam', status: 'succeeded' }]);
    });
    const queue = (await api.call('get', inst('/refunds/awaiting-approval'), clerk)).body.items as {
      orderId: string;
    }[];
    expect(queue.map((r) => r.orderId)).not.toContain(orderId);
  });
});
