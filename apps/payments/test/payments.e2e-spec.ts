import { createCipheriv, createPrivateKey, randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { commandForgeries, expectEventually, type ProbedMessage, testEnvelope } from '@exam/testing';

import { alipayTimestamp, rsa2Sign, signingString } from '../src/provider/alipay/alipay.protocol';
import { responseMessage, rsaSign } from '../src/provider/wechat/wechat-pay.protocol';
import {
  type Caller,
  candidate,
  decisionsAbout,
  PaymentsClient,
  type PaymentsHarness,
  SimClient,
  staff,
  stagedStaffActionCount,
  startPaymentsWithSim,
} from './support/payments-bed';

describe('payments: products, orders, provider callbacks and refunds (e2e with pay-sim)', () => {
  let h: PaymentsHarness;
  let api: PaymentsClient;
  let sim: SimClient;
  const institution = randomUUID();
  const otherInstitution = randomUUID();
  let admin: Caller;
  let clerk: Caller;
  let outsider: Caller;
  let buyer: Caller;
  let courseId: string;
  let materialId: string;
  let paid: ProbedMessage[];
  let refunded: ProbedMessage[];
  let expired: ProbedMessage[];
  let deadLetters: ProbedMessage[];
  let staffActions: ProbedMessage[];

  const inst = (path: string, id = institution): string => `/institutions/${id}${path}`;

  async function placeCourse(who: Caller = buyer): Promise<Record<string, unknown>> {
    const order = await api.call('post', '/orders', who, {
      productId: courseId,
      quantity: 1,
      idempotencyKey: `key-${randomUUID()}`,
    });
    expect(order.status).toBe(201);
    return order.body;
  }

  async function checkout(
    orderId: string,
    provider: string,
    method: string,
    who: Caller = buyer,
  ): Promise<string> {
    const started = await api.call('post', `/me/orders/${orderId}/checkout`, who, { provider, method });
    expect(started.status).toBe(200);
    const link = (started.body.codeUrl ?? started.body.payUrl) as string;
    expect(link).toMatch(/^http/);
    return link;
  }

  async function orderOf(orderId: string, who: Caller = buyer): Promise<Record<string, unknown>> {
    const got = await api.call('get', `/me/orders/${orderId}`, who);
    expect(got.status).toBe(200);
    return got.body;
  }

  async function callbackOutcomes(outTradeNo: string): Promise<string[]> {
    const rows: { outcome: string }[] = await h.bed.dataSource.query(
      'SELECT outcome FROM payment_callbacks WHERE out_trade_no = ? OR out_trade_no IS NULL ORDER BY id',
      [outTradeNo],
    );
    return rows.map((r) => r.outcome);
  }

  const tradeNo = (orderId: string): string => orderId.replaceAll('-', '');

  beforeAll(async () => {
    h = await startPaymentsWithSim();
    api = new PaymentsClient(h.bed.url);
    sim = new SimClient(h.sim.url);
    admin = staff(institution, 'org_admin');
    clerk = staff(institution, 'org_staff');
    outsider = staff(otherInstitution, 'org_admin');
    buyer = candidate();
    [paid, refunded, expired, deadLetters, staffActions] = await Promise.all([
      h.bed.collect(Topics.OrderPaid),
      h.bed.collect(Topics.OrderRefunded),
      h.bed.collect(Topics.OrderExpired),
      h.bed.collect(Topics.RefundRequested, { deadLetter: true }),
      h.bed.collect(Topics.PaymentStaffActionTaken),
    ]);
    const course = await api.call('post', inst('/products'), admin, {
      kind: 'course',
      title: '考前冲刺课程',
      priceFen: 19_900,
    });
    expect(course).toMatchObject({
      status: 201,
      body: { priceFen: 19_900, listed: true, requiresShipping: false },
    });
    courseId = course.body.productId as string;
    const material = await api.call('post', inst('/products'), clerk, {
      kind: 'material',
      title: '复习资料',
      priceFen: 4_550,
    });
    expect(material).toMatchObject({ status: 201, body: { requiresShipping: true } });
    materialId = material.body.productId as string;
  }, 120_000);

  afterEach(async () => {
    await sim.reset();
  });

  afterAll(async () => {
    await h.close();
  });

  it('should let only the institution’s staff manage its products, with clear 4xx on bad input', async () => {
    expect((await api.call('get', inst('/products'), outsider)).status).toBe(403);
    expect(
      (await api.call('post', inst('/products'), buyer, { kind: 'course', title: 'x', priceFen: 1 })).status,
    ).toBe(403);
    expect((await api.call('get', inst('/products'), null)).status).toBe(401);
    for (const bad of [
      { kind: 'course', title: 'x', priceFen: 1.5 },
      { kind: 'course', title: 'x', priceFen: -1 },
      { kind: 'course', title: 'x', priceFen: '100' },
      { kind: 'voucher', title: 'x', priceFen: 100 },
      { kind: 'course', title: 'x', priceFen: 100, currency: 'USD' },
    ]) {
      const refused = await api.call('post', inst('/products'), admin, bad);
      expect(refused).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
    }
    const edited = await api.call('patch', inst(`/products/${materialId}`), clerk, { priceFen: 4_600 });
    expect(edited).toMatchObject({ status: 200, body: { priceFen: 4_600 } });
    expect(
      (await api.call('patch', inst(`/products/${materialId}`, otherInstitution), outsider, { priceFen: 1 }))
        .status,
    ).toBe(404);
    const catalogue = await api.call('get', `/catalogue/${institution}`, buyer);
    expect((catalogue.body.items as unknown[]).length).toBe(2);

    const dropped = await api.call('post', inst('/products'), clerk, {
      kind: 'course',
      title: '旧课',
      priceFen: 100,
    });
    const droppedId = dropped.body.productId as string;
    expect(
      (await api.call('delete', inst(`/products/${droppedId}`, otherInstitution), outsider)).status,
    ).toBe(404);
    expect((await api.call('delete', inst(`/products/${droppedId}`), clerk)).status).toBe(204);
    const listed = (await api.call('get', `/catalogue/${institution}`, buyer)).body.items as {
      productId: string;
    }[];
    expect(listed.map((p) => p.productId)).not.toContain(droppedId);
    // Each change by staff is audited with the price it leaves; the refused ones staged nothing.
    expect(await stagedStaffActionCount(h.bed, materialId)).toBe(2);
    await expectEventually(() => {
      expect(decisionsAbout(staffActions, materialId).map((e) => [e.action, e.amountFen])).toEqual([
        ['product_created', expect.any(Number)],
        ['product_updated', 4_600],
      ]);
      expect(decisionsAbout(staffActions, droppedId)).toEqual([
        expect.objectContaining({ action: 'product_created', staffUserId: clerk.userId, amountFen: 100 }),
        expect.objectContaining({
          action: 'product_unlisted',
          institutionId: institution,
          staffUserId: clerk.userId,
          subjectId: droppedId,
          reasonSha256: null,
        }),
      ]);
    });
  });

  it('should price orders on the server, return the same order for the same key, and mask the contact', async () => {
    const key = `key-${randomUUID()}`;
    const body = { productId: courseId, quantity: 2, idempotencyKey: key };
    const first = await api.call('post', '/orders', buyer, body);
    const again = await api.call('post', '/orders', buyer, body);
    expect(first).toMatchObject({
      status: 201,
      body: { amountFen: 39_800, status: 'pending', currency: 'CNY' },
    });
    expect(again.body.orderId).toBe(first.body.orderId);
    const otherRequest = await api.call('post', '/orders', buyer, { ...body, quantity: 3 });
    expect(otherRequest).toMatchObject({ status: 409, body: { code: 'ORDER.IDEMPOTENCY_CONFLICT' } });
    const clientPrice = await api.call('post', '/orders', buyer, {
      ...body,
      idempotencyKey: `k-${randomUUID()}`,
      amountFen: 1,
    });
    expect(clientPrice).toMatchObject({ status: 400, body: { code: 'REQUEST.INVALID' } });
    const noContact = await api.call('post', '/orders', buyer, {
      productId: materialId,
      quantity: 1,
      idempotencyKey: `k-${randomUUID()}`,
    });
    expect(noContact).toMatchObject({ status: 400, body: { code: 'ORDER.SHIPPING_CONTACT_REQUIRED' } });
    const withContact = await api.call('post', '/orders', buyer, {
      productId: materialId,
      quantity: 1,
      idempotencyKey: `k-${randomUUID()}`,
      contact: { name: '张三丰', phone: '13812345678', address: '北京市海淀区中关村大街 1 号' },
    });
    expect(withContact.status).toBe(201);
    const contact = withContact.body.contact as Record<string, string>;
    expect(contact.phone).not.toContain('12345678');
    expect(contact.name).not.toBe('张三丰');
    const rows = await h.bed.dataSource.query<{ contact_phone: string }[]>(
      'SELECT contact_phone FROM payment_orders WHERE id = ?',
      [withContact.body.orderId],
    );
    expect(rows).toHaveLength(1);
    expect(rows.at(0)?.contact_phone).not.toContain('13812345678');
  });

  it('should pay by WeChat Pay Native through the simulator, once, and publish payments.order.paid without personal data', async () => {
    const order = await placeCourse();
    const orderId = order.orderId as string;
    const link = await checkout(orderId, 'wechat', 'native');
    const page = await sim.page(link);
    expect(page.html).toContain('¥199.00');
    await sim.control({ duplicates: 2 });
    const result = await sim.pay(link);
    expect(result.status).toBe(200);
    expect(result.body.deliveries.map((d) => d.status)).toEqual([204, 204, 204]);
    const detail = await orderOf(orderId);
    expect(detail).toMatchObject({
      status: 'paid',
      provider: 'wechat',
      paidFen: 19_900,
      refundableFen: 19_900,
    });
    expect((detail.history as { toStatus: string }[]).map((t) => t.toStatus)).toEqual(['pending', 'paid']);
    expect(await callbackOutcomes(tradeNo(orderId))).toEqual(['applied', 'duplicate', 'duplicate']);
    await expectEventually(() => {
      const events = paid.filter((m) => m.key === orderId);
      expect(events).toHaveLength(1);
      const envelope = JSON.parse(events[0]?.value ?? '{}') as { payload: Record<string, unknown> };
      expect(envelope.payload).toEqual({
        orderId,
        userId: buyer.userId,
        institutionId: institution,
        amountFen: 19_900,
        currency: 'CNY',
      });
    });
    const replayed = await sim.replay(result.body.deliveries[0]?.id ?? 0);
    expect(replayed.status).toBe(204);
    expect((await orderOf(orderId)).paidFen).toBe(19_900);
  });

  it('should apply reordered, duplicated callbacks of two orders once each', async () => {
    const first = (await placeCourse()).orderId as string;
    const second = (await placeCourse()).orderId as string;
    const firstLink = await checkout(first, 'wechat', 'native');
    const secondLink = await checkout(second, 'alipay', 'precreate');
    await sim.control({ hold: true, duplicates: 1 });
    await sim.pay(firstLink);
    await sim.pay(secondLink);
    expect((await orderOf(first)).status).toBe('pending');

    const released = await sim.release(true);

    expect(released.map((d) => [d.outTradeNo, d.status])).toEqual([
      [tradeNo(second), 200],
      [tradeNo(second), 200],
      [tradeNo(first), 204],
      [tradeNo(first), 204],
    ]);
    for (const orderId of [first, second]) {
      expect(await orderOf(orderId)).toMatchObject({ status: 'paid', paidFen: 19_900 });
      const rows = await h.bed.dataSource.query<{ outcome: string }[]>(
        'SELECT outcome FROM payment_callbacks WHERE out_trade_no = ? ORDER BY id',
        [tradeNo(orderId)],
      );
      expect(rows.map((r) => r.outcome)).toEqual(['applied', 'duplicate']);
    }
    await expectEventually(() => {
      expect(paid.filter((m) => m.key === first || m.key === second)).toHaveLength(2);
    });
  });

  it('should pay by Alipay, QR (precreate) and page, answering notifications with the exact body success', async () => {
    for (const method of ['precreate', 'page']) {
      const orderId = (await placeCourse()).orderId as string;
      const link = await checkout(orderId, 'alipay', method);
      const result = await sim.pay(link);
      expect(result.body.deliveries.map((d) => [d.status, d.response])).toEqual([[200, 'success']]);
      expect(await orderOf(orderId)).toMatchObject({ status: 'paid', provider: 'alipay', paidFen: 19_900 });
    }
  });

  it('should refuse forged signatures, replayed old callbacks and wrong amounts, record them, and leave the order unpaid', async () => {
    const cases: [Record<string, number | boolean>, string, number, string][] = [
      [{ wrongSignature: true }, 'wechat', 401, 'bad_signature'],
      [{ timestampSkewSeconds: -600 }, 'wechat', 401, 'stale'],
      [{ amountDeltaFen: -19_899 }, 'wechat', 422, 'mismatch'],
      [{ wrongSignature: true }, 'alipay', 200, 'bad_signature'],
      [{ timestampSkewSeconds: -600 }, 'alipay', 200, 'stale'],
      [{ amountDeltaFen: 1 }, 'alipay', 200, 'mismatch'],
    ];
    for (const [control, provider, status, outcome] of cases) {
      const orderId = (await placeCourse()).orderId as string;
      const link = await checkout(orderId, provider, provider === 'wechat' ? 'native' : 'precreate');
      await sim.control(control);
      const result = await sim.pay(link);
      expect(result.body.deliveries[0]?.status).toBe(status);
      if (provider === 'alipay') expect(result.body.deliveries[0]?.response).toBe('failure');
      expect(await orderOf(orderId)).toMatchObject({ status: 'pending', paidFen: 0 });
      const rows: { outcome: string }[] = await h.bed.dataSource.query(
        'SELECT outcome FROM payment_callbacks WHERE outcome = ? AND provider = ?',
        [outcome, provider],
      );
      expect(rows.length).toBeGreaterThan(0);
    }
    expect(paid.length).toBeLessThan(10);
  });

  it('should expire an unpaid order, refuse to pay it, and refund a callback that arrives after expiry', async () => {
    const orderId = (await placeCourse()).orderId as string;
    const link = await checkout(orderId, 'wechat', 'native');
    await sim.control({ hold: true });
    await sim.pay(link);
    await h.bed.dataSource.query('UPDATE payment_orders SET expires_at = ? WHERE id = ?', [
      new Date(Date.now() - 1000),
      orderId,
    ]);
    await expectEventually(async () => {
      expect((await orderOf(orderId)).status).toBe('expired');
    });
    await expectEventually(() => {
      expect(expired.filter((m) => m.key === orderId)).toHaveLength(1);
    });
    const again = await api.call('post', `/me/orders/${orderId}/checkout`, buyer, {
      provider: 'wechat',
      method: 'native',
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'ORDER.NOT_PAYABLE' } });
    const released = await sim.release();
    expect(released.map((d) => d.status)).toEqual([204]);
    // Callbacks flow again; the refund's own callback may have been held meanwhile.
    await sim.control({});
    await expectEventually(async () => {
      await sim.release();
      const detail = await orderOf(orderId);
      expect(detail.status).toBe('expired');
      expect(detail.refunds).toMatchObject([
        { source: 'late_payment', amountFen: 19_900, status: 'succeeded' },
      ]);
    });
    expect(await callbackOutcomes(tradeNo(orderId))).toContain('late_refunded');
    expect(paid.filter((m) => m.key === orderId)).toHaveLength(0);
  });

  it('should cancel only pending product orders, and never pay a cancelled one', async () => {
    const orderId = (await placeCourse()).orderId as string;
    const link = await checkout(orderId, 'alipay', 'precreate');
    const cancelled = await api.call('post', `/me/orders/${orderId}/cancel`, buyer);
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled' } });
    expect((await api.call('post', `/me/orders/${orderId}/cancel`, buyer)).body.code).toBe(
      'ORDER.NOT_CANCELLABLE',
    );
    const result = await sim.pay(link);
    expect(result.body.deliveries[0]?.response).toBe('success');
    await expectEventually(async () => {
      const detail = await orderOf(orderId);
      expect(detail.status).toBe('cancelled');
      expect(detail.refunds).toMatchObject([{ source: 'late_payment', status: 'succeeded' }]);
    });
    const paidOrder = (await placeCourse()).orderId as string;
    await sim.pay(await checkout(paidOrder, 'wechat', 'native'));
    expect((await api.call('post', `/me/orders/${paidOrder}/cancel`, buyer)).body.code).toBe(
      'ORDER.NOT_CANCELLABLE',
    );
  });

  it('should refund partially then fully through the provider, idempotently, never above what was paid', async () => {
    for (const provider of ['wechat', 'alipay']) {
      const orderId = (await placeCourse()).orderId as string;
      await sim.pay(await checkout(orderId, provider, provider === 'wechat' ? 'native' : 'page'));
      const refundsPath = inst(`/orders/${orderId}/refunds`);
      const key = `refund-${randomUUID()}`;
      const partial = await api.call('post', refundsPath, clerk, {
        amountFen: 9_900,
        reason: '部分退款',
        idempotencyKey: key,
      });
      expect(partial.status).toBe(201);
      const same = await api.call('post', refundsPath, clerk, {
        amountFen: 9_900,
        reason: '部分退款',
        idempotencyKey: key,
      });
      expect(same.body.refundId).toBe(partial.body.refundId);
      const tooMuch = await api.call('post', refundsPath, clerk, {
        amountFen: 10_001,
        reason: 'x',
        idempotencyKey: `refund-${randomUUID()}`,
      });
      expect(tooMuch).toMatchObject({ status: 422, body: { code: 'REFUND.EXCEEDS_PAID' } });
      await expectEventually(async () => {
        expect(await orderOf(orderId)).toMatchObject({ status: 'partially_refunded', refundedFen: 9_900 });
      });
      const rest = await api.call('post', refundsPath, admin, {
        amountFen: 10_000,
        reason: '全部退款',
        idempotencyKey: `refund-${randomUUID()}`,
      });
      expect(rest.status).toBe(201);
      await expectEventually(async () => {
        expect(await orderOf(orderId)).toMatchObject({
          status: 'refunded',
          refundedFen: 19_900,
          refundableFen: 0,
        });
      });
      await expectEventually(() => {
        const events = refunded
          .filter((m) => m.key === orderId)
          .map((m) => JSON.parse(m.value ?? '{}') as { payload: Record<string, unknown> });
        expect(events.map((e) => e.payload.fullyRefunded)).toEqual([false, true]);
      });
      const history = (await orderOf(orderId)).history as { toStatus: string }[];
      expect(history.map((t) => t.toStatus)).toEqual(['pending', 'paid', 'partially_refunded', 'refunded']);
    }
    const pending = (await placeCourse()).orderId as string;
    const notPaid = await api.call('post', inst(`/orders/${pending}/refunds`), admin, {
      amountFen: 1,
      reason: 'x',
      idempotencyKey: `refund-${randomUUID()}`,
    });
    expect(notPaid).toMatchObject({ status: 409, body: { code: 'REFUND.NOT_REFUNDABLE' } });
    for (const bad of [
      { amountFen: 0, reason: 'x', idempotencyKey: 'abcdefgh' },
      { amountFen: 1, reason: '', idempotencyKey: 'abcdefgh' },
      { amountFen: 1, reason: 'x' },
    ])
      expect((await api.call('post', inst(`/orders/${pending}/refunds`), admin, bad)).status).toBe(400);
  });

  it('should create one exam-fee order per registration from exam’s event and refund it on exam’s signed request only', async () => {
    const registrationId = randomUUID();
    const student = candidate();
    const created = testEnvelope(Topics.RegistrationCreated, registrationId, {
      registrationId,
      examId: randomUUID(),
      userId: student.userId,
      institutionId: institution,
      feeRequired: true,
      feeFen: 12_000,
    });
    await h.bed.publish(created, created);
    let orderId = '';
    await expectEventually(async () => {
      const mine = await api.call('get', '/me/orders', student);
      expect(mine.body.items).toMatchObject([
        { kind: 'exam_fee', registrationId, amountFen: 12_000, status: 'pending' },
      ]);
      orderId = (mine.body.items as { orderId: string }[])[0]?.orderId ?? '';
    });
    expect((await api.call('post', `/me/orders/${orderId}/cancel`, student)).body.code).toBe(
      'ORDER.NOT_CANCELLABLE',
    );
    await sim.pay(await checkout(orderId, 'wechat', 'native', student));
    await expectEventually(() => {
      const event = paid.find((m) => m.key === orderId);
      expect(JSON.parse(event?.value ?? '{}')).toMatchObject({
        payload: { registrationId, amountFen: 12_000 },
      });
    });
    const refund = testEnvelope(Topics.RefundRequested, registrationId, {
      registrationId,
      orderId,
      userId: student.userId,
      amountFen: 12_000,
      currency: 'CNY',
    });
    // The genuine command is another one (1 fen): its signature must not carry over to these bytes.
    const genuine = testEnvelope(Topics.RefundRequested, registrationId, { ...refund.payload, amountFen: 1 });
    const forgeries = commandForgeries(Topics.RefundRequested, JSON.stringify(genuine));
    const physical = h.bed.names.physical(Topics.RefundRequested);
    for (const forgery of forgeries)
      await forgery.send(h.bed.probe, physical, registrationId, JSON.stringify(refund));
    await expectEventually(() => {
      const records = deadLetters
        .map((m) => JSON.parse(m.value ?? '{}') as { reason: string; original?: string })
        .filter((r) => r.original?.includes(orderId) === true);
      expect(records.map((r) => r.reason.split(':')[0]).sort()).toEqual(
        forgeries.map((f) => f.reason).sort(),
      );
    });
    expect(await orderOf(orderId, student)).toMatchObject({ status: 'paid', refunds: [] });
    await h.bed.publish(refund, refund);
    await expectEventually(async () => {
      const detail = await orderOf(orderId, student);
      expect(detail).toMatchObject({ status: 'refunded', refundedFen: 12_000 });
      expect(detail.refunds).toMatchObject([{ source: 'exam', status: 'succeeded' }]);
    });
    const free = testEnvelope(Topics.RegistrationCreated, randomUUID(), {
      registrationId: randomUUID(),
      examId: randomUUID(),
      userId: student.userId,
      institutionId: institution,
      feeRequired: false,
      feeFen: 0,
    });
    await h.bed.publish(free);
    expect(((await api.call('get', '/me/orders', student)).body.items as unknown[]).length).toBe(1);
  });

  it('should record a genuine callback for an unknown order and acknowledge it as each provider expects', async () => {
    const unknownTradeNo = randomUUID().replaceAll('-', '');
    const nonce = 'abcdefghijkl';
    const cipher = createCipheriv(
      'aes-256-gcm',
      Buffer.from(h.keys.apiV3Key, 'utf8'),
      Buffer.from(nonce, 'utf8'),
    );
    cipher.setAAD(Buffer.from('transaction', 'utf8'));
    const resource = JSON.stringify({
      mchid: h.bed.env.WECHATPAY_MCH_ID,
      out_trade_no: unknownTradeNo,
      transaction_id: `4200${unknownTradeNo.slice(0, 12)}`,
      trade_state: 'SUCCESS',
      success_time: new Date().toISOString(),
      amount: { total: 100, currency: 'CNY' },
    });
    const sealed = Buffer.concat([cipher.update(resource, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    const body = JSON.stringify({
      id: 'EV-unknown',
      event_type: 'TRANSACTION.SUCCESS',
      resource: {
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: sealed.toString('base64'),
        associated_data: 'transaction',
        nonce,
      },
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const wechat = await fetch(`${h.bed.url}/api/payments/callbacks/wechat`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'wechatpay-timestamp': timestamp,
        'wechatpay-nonce': 'N-unknown',
        'wechatpay-serial': h.bed.env.WECHATPAY_PLATFORM_SERIAL,
        'wechatpay-signature': rsaSign(
          responseMessage(timestamp, 'N-unknown', body),
          createPrivateKey(h.keys.platformPrivate),
        ),
      },
      body,
    });
    expect(wechat.status).toBe(204);
    const params: Record<string, string> = {
      notify_time: alipayTimestamp(new Date()),
      notify_type: 'trade_status_sync',
      app_id: h.bed.env.ALIPAY_APP_ID,
      // Its own number: one derived from the WeChat one could equal it (a UUID ending in the same character).
      out_trade_no: randomUUID().replaceAll('-', ''),
      trade_no: '2026000000000001',
      trade_status: 'TRADE_SUCCESS',
      total_amount: '1.00',
    };
    const sign = rsa2Sign(
      signingString(params, ['sign', 'sign_type']),
      createPrivateKey(h.keys.alipayPrivate),
    );
    const alipay = await fetch(`${h.bed.url}/api/payments/callbacks/alipay`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams({ ...params, sign_type: 'RSA2', sign }).toString(),
    });
    expect([alipay.status, await alipay.text()]).toEqual([200, 'success']);
    expect(await callbackOutcomes(unknownTradeNo)).toContain('unknown_order');
    const rows = await h.bed.dataSource.query<{ outcome: string }[]>(
      'SELECT outcome FROM payment_callbacks WHERE out_trade_no = ?',
      [params.out_trade_no],
    );
    expect(rows.map((r) => r.outcome)).toEqual(['unknown_order']);
  });

  it('should keep institutions and candidates apart', async () => {
    const orderId = (await placeCourse()).orderId as string;
    const stranger = candidate();
    expect((await api.call('get', `/me/orders/${orderId}`, stranger)).status).toBe(404);
    expect(
      (
        await api.call('post', `/me/orders/${orderId}/checkout`, stranger, {
          provider: 'wechat',
          method: 'native',
        })
      ).status,
    ).toBe(404);
    expect((await api.call('post', `/me/orders/${orderId}/cancel`, stranger)).status).toBe(404);
    expect((await api.call('get', '/me/orders', stranger)).body.items).toEqual([]);
    expect((await api.call('get', inst('/orders'), outsider)).status).toBe(403);
    expect((await api.call('get', inst(`/orders/${orderId}`), outsider)).status).toBe(403);
    expect((await api.call('get', inst(`/orders/${orderId}`, otherInstitution), outsider)).status).toBe(404);
    expect(
      (
        await api.call('post', inst(`/orders/${orderId}/refunds`), outsider, {
          amountFen: 1,
          reason: 'x',
          idempotencyKey: 'abcdefgh',
        })
      ).status,
    ).toBe(403);
    expect((await api.call('get', inst('/orders'), buyer)).status).toBe(403);
    const listed = await api.call('get', inst('/orders?status=pending'), clerk);
    expect((listed.body.items as { orderId: string }[]).some((o) => o.orderId === orderId)).toBe(true);
    expect((await api.call('get', inst('/orders?status=bogus'), clerk)).status).toBe(400);
    expect(
      (
        await api.call('post', `/me/orders/${orderId}/checkout`, buyer, {
          provider: 'paypal',
          method: 'native',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api.call('post', `/me/orders/${orderId}/checkout`, buyer, {
          provider: 'wechat',
          method: 'page',
        })
      ).body.code,
    ).toBe('ORDER.PROVIDER_NOT_OFFERED');
  });
});
