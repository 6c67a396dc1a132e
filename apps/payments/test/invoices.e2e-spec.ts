import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { expectEventually, type ProbedMessage, testEnvelope } from '@exam/testing';
import request from 'supertest';

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

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const COMPANY_TAX_ID = '91350100M000100Y43';

describe('payments: invoices and new exam-fee orders (e2e with pay-sim)', () => {
  let h: PaymentsHarness;
  let api: PaymentsClient;
  let sim: SimClient;
  const institution = randomUUID();
  const otherInstitution = randomUUID();
  let admin: Caller;
  let clerk: Caller;
  let outsider: Caller;
  let courseId: string;
  let staffActions: ProbedMessage[];

  const inst = (path: string, id = institution): string => `/institutions/${id}${path}`;
  const today = (): string => new Date().toISOString().slice(0, 10);
  const key = (): string => `key-${randomUUID()}`;

  async function paidOrder(buyer: Caller, provider: 'wechat' | 'alipay' = 'wechat'): Promise<string> {
    const orderId = await buyAndPay(api, sim, buyer, { productId: courseId, provider });
    const paid = await api.call('get', `/me/orders/${orderId}`, buyer);
    expect(paid.body).toMatchObject({ status: 'paid', paidFen: 19_900 });
    return orderId;
  }

  function personal(over: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      idempotencyKey: key(),
      titleType: 'personal',
      title: '王小明',
      email: 'wangxiaoming@example.com',
      ...over,
    };
  }

  async function download(path: string, who: Caller | null): Promise<{ status: number; body: Buffer }> {
    let req = request(h.bed.url)
      .get(`/api/payments${path}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          done(null, Buffer.concat(chunks));
        });
      });
    if (who) req = req.set('authorization', `Bearer ${who.token}`);
    const response = await req;
    return { status: response.status, body: response.body as Buffer };
  }

  async function issue(invoiceId: string, over: Record<string, unknown> = {}) {
    return api.call('post', inst(`/invoices/${invoiceId}/issue`), clerk, {
      invoiceNo: '26442000000012345678',
      issuedOn: today(),
      pdfBase64: PDF.toString('base64'),
      ...over,
    });
  }

  beforeAll(async () => {
    h = await startPaymentsWithSim({ PAYMENTS_JOB_INTERVAL_SECONDS: '1' });
    api = new PaymentsClient(h.bed.url);
    sim = new SimClient(h.sim.url);
    staffActions = await h.bed.collect(Topics.PaymentStaffActionTaken);
    admin = staff(institution, 'org_admin');
    clerk = staff(institution, 'org_staff');
    outsider = staff(otherInstitution, 'org_admin');
    const course = await api.call('post', inst('/products'), admin, {
      kind: 'course',
      title: '考前冲刺课程',
      priceFen: 19_900,
    });
    expect(course.status).toBe(201);
    courseId = course.body.productId as string;
    await expectEventually(() => {
      expect(decisionsAbout(staffActions, courseId)).toEqual([
        expect.objectContaining({
          action: 'product_created',
          institutionId: institution,
          staffUserId: admin.userId,
          amountFen: 19_900,
          reasonSha256: null,
        }),
      ]);
    });
  }, 120_000);

  afterEach(async () => {
    await sim.reset();
  });

  afterAll(async () => {
    await h.close();
  });

  it('should take one request per paid order, with the server’s amount, masked everywhere and encrypted at rest', async () => {
    const buyer = candidate();
    const orderId = await paidOrder(buyer);
    const body = personal();
    const created = await api.call('post', `/me/orders/${orderId}/invoices`, buyer, body);
    expect(created).toMatchObject({
      status: 201,
      body: {
        orderId,
        institutionId: institution,
        titleType: 'personal',
        title: '**明',
        taxId: null,
        email: 'w***@example.com',
        amountFen: 19_900,
        status: 'requested',
        hasPdf: false,
      },
    });
    const invoiceId = created.body.invoiceId as string;
    expect(created.text).not.toContain('王小明');
    expect(created.text).not.toContain('wangxiaoming');

    const again = await api.call('post', `/me/orders/${orderId}/invoices`, buyer, body);
    expect(again.body.invoiceId).toBe(invoiceId);
    const second = await api.call('post', `/me/orders/${orderId}/invoices`, buyer, personal());
    expect(second).toMatchObject({
      status: 409,
      body: { code: 'INVOICE.ALREADY_REQUESTED', details: [{ field: 'invoiceId', reason: invoiceId }] },
    });
    const otherOrder = await api.call('post', `/me/orders/${randomUUID()}/invoices`, buyer, body);
    expect(otherOrder.status).toBe(404);

    for (const view of [
      await api.call('get', `/me/invoices/${invoiceId}`, buyer),
      await api.call('get', inst(`/invoices/${invoiceId}`), clerk),
    ]) {
      expect(view.body).toMatchObject({ title: '**明', email: 'w***@example.com' });
      expect(view.text).not.toContain('王小明');
      expect(view.text).not.toContain('wangxiaoming');
    }
    const listed = await api.call('get', inst('/invoices?status=requested'), admin);
    expect(listed.text).not.toContain('wangxiaoming');
    expect((listed.body.items as { invoiceId: string }[]).map((i) => i.invoiceId)).toContain(invoiceId);

    const rows = await h.bed.dataSource.query<{ title: string; email: string; amount_fen: number }[]>(
      'SELECT title, email, amount_fen FROM payment_invoices WHERE id = ?',
      [invoiceId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.amount_fen).toBe(19_900);
    for (const stored of [rows[0]?.title ?? '', rows[0]?.email ?? '']) {
      expect(stored.length).toBeGreaterThan(20);
      expect(stored).not.toContain('王小明');
      expect(stored).not.toContain('wangxiaoming');
      expect(stored).not.toContain('example.com');
    }
  });

  it('should let only one of parallel requests on an order through', async () => {
    const buyer = candidate();
    const orderId = await paidOrder(buyer, 'alipay');
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => api.call('post', `/me/orders/${orderId}/invoices`, buyer, personal())),
    );
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(replies.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(
      Array(4).fill('INVOICE.ALREADY_REQUESTED'),
    );
    const sameKey = personal();
    const sameReplies = await Promise.all(
      Array.from({ length: 3 }, () => api.call('post', `/me/orders/${orderId}/invoices`, buyer, sameKey)),
    );
    expect(sameReplies.every((r) => r.status === 409)).toBe(true);
  });

  it('should refuse bad titles, tax ids and orders with actionable errors', async () => {
    const buyer = candidate();
    const orderId = await paidOrder(buyer);
    const path = `/me/orders/${orderId}/invoices`;
    const badCode = await api.call('post', path, buyer, {
      ...personal({ titleType: 'company', title: '某某科技有限公司' }),
      taxId: '91350100M000100Y44',
    });
    expect(badCode).toMatchObject({ status: 400, body: { code: 'INVOICE.INVALID_TAX_ID' } });
    expect(badCode.body.message).toContain('check character');
    const shortCode = await api.call('post', path, buyer, {
      ...personal({ titleType: 'company', title: '某某科技有限公司' }),
      taxId: '9135010',
    });
    expect(shortCode.body.message).toContain('18 characters');
    expect(
      (await api.call('post', path, buyer, personal({ titleType: 'company', title: '某某科技有限公司' })))
        .body.code,
    ).toBe('INVOICE.TAX_ID_MISMATCH');
    expect((await api.call('post', path, buyer, personal({ taxId: COMPANY_TAX_ID }))).body.code).toBe(
      'INVOICE.TAX_ID_MISMATCH',
    );
    for (const bad of [
      personal({ email: 'not-an-email' }),
      personal({ title: '' }),
      personal({ titleType: 'government' }),
      personal({ amountFen: 1 }),
      personal({ idempotencyKey: 'short' }),
    ])
      expect(await api.call('post', path, buyer, bad)).toMatchObject({
        status: 400,
        body: { code: 'REQUEST.INVALID' },
      });
    const pending = await api.call('post', '/orders', buyer, {
      productId: courseId,
      quantity: 1,
      idempotencyKey: key(),
    });
    expect(
      await api.call('post', `/me/orders/${pending.body.orderId as string}/invoices`, buyer, personal()),
    ).toMatchObject({ status: 409, body: { code: 'INVOICE.ORDER_NOT_INVOICEABLE' } });
    const stranger = candidate();
    expect((await api.call('post', path, stranger, personal())).body.code).toBe('ORDER.NOT_FOUND');
    expect((await api.call('post', path, clerk, personal())).status).toBe(403);
    expect((await api.call('post', path, null, personal())).status).toBe(401);

    const company = await api.call('post', path, buyer, {
      ...personal({ titleType: 'company', title: '福州某某科技有限公司' }),
      taxId: ` ${COMPANY_TAX_ID.toLowerCase()} `,
    });
    expect(company).toMatchObject({
      status: 201,
      body: { titleType: 'company', title: '福州某某科技有限公司', taxId: COMPANY_TAX_ID },
    });
  });

  it('should let staff of the institution only issue with a PDF that the buyer alone downloads', async () => {
    const buyer = candidate();
    const orderId = await paidOrder(buyer);
    const invoiceId = (await api.call('post', `/me/orders/${orderId}/invoices`, buyer, personal())).body
      .invoiceId as string;

    expect((await api.call('get', inst('/invoices'), outsider)).status).toBe(403);
    expect((await api.call('get', inst(`/invoices/${invoiceId}`, otherInstitution), outsider)).status).toBe(
      404,
    );
    expect(
      (
        await api.call('post', inst(`/invoices/${invoiceId}/issue`, otherInstitution), outsider, {
          invoiceNo: '12345678',
          issuedOn: today(),
          pdfBase64: PDF.toString('base64'),
        })
      ).status,
    ).toBe(404);
    expect(
      (await api.call('post', inst(`/invoices/${invoiceId}/reject`), outsider, { reason: 'x' })).status,
    ).toBe(403);
    expect((await api.call('get', inst('/invoices'), buyer)).status).toBe(403);
    expect((await download(`/me/invoices/${invoiceId}/invoice.pdf`, buyer)).status).toBe(404);

    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    expect(await issue(invoiceId, { pdfBase64: png.toString('base64') })).toMatchObject({
      status: 400,
      body: { code: 'INVOICE.INVALID_PDF' },
    });
    const html = Buffer.from('<html><body>%PDF-1.7 fake %%EOF</body></html>');
    expect((await issue(invoiceId, { pdfBase64: html.toString('base64') })).body.code).toBe(
      'INVOICE.INVALID_PDF',
    );
    const large = Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      Buffer.alloc(520 * 1024, 0x20),
      Buffer.from('%%EOF'),
    ]);
    const tooLarge = await issue(invoiceId, { pdfBase64: large.toString('base64') });
    expect(tooLarge.status).toBe(400);
    expect((await issue(invoiceId, { invoiceNo: 'ABC' })).body.code).toBe('REQUEST.INVALID');
    expect((await issue(invoiceId, { issuedOn: '2026-02-30' })).body.code).toBe('REQUEST.INVALID');
    expect((await issue(invoiceId, { issuedOn: '2099-01-01' })).body.code).toBe('INVOICE.ISSUE_DATE_INVALID');
    expect((await api.call('get', `/me/invoices/${invoiceId}`, buyer)).body.status).toBe('requested');

    const issued = await issue(invoiceId);
    expect(issued).toMatchObject({
      status: 200,
      body: { status: 'issued', invoiceNo: '26442000000012345678', issuedOn: today(), hasPdf: true },
    });
    expect((await issue(invoiceId)).body.code).toBe('INVOICE.NOT_PENDING');
    expect((await api.call('post', `/me/invoices/${invoiceId}/cancel`, buyer)).body.code).toBe(
      'INVOICE.NOT_PENDING',
    );
    // The refused issues (other tenant, bad file, bad date, again) staged nothing; the one issue one event.
    expect(await stagedStaffActionCount(h.bed, invoiceId)).toBe(1);
    await expectEventually(() => {
      expect(decisionsAbout(staffActions, invoiceId)).toEqual([
        {
          institutionId: institution,
          staffUserId: clerk.userId,
          action: 'invoice_issued',
          subjectId: invoiceId,
          amountFen: issued.body.amountFen,
          reasonSha256: null,
        },
      ]);
    });
    expect(issued.body.amountFen).toBe(19_900);

    const mine = await download(`/me/invoices/${invoiceId}/invoice.pdf`, buyer);
    expect(mine.status).toBe(200);
    expect(mine.body.equals(PDF)).toBe(true);
    const staffCopy = await download(inst(`/invoices/${invoiceId}/invoice.pdf`), admin);
    expect(staffCopy.body.equals(PDF)).toBe(true);
    expect((await download(`/me/invoices/${invoiceId}/invoice.pdf`, candidate())).status).toBe(404);
    expect((await download(inst(`/invoices/${invoiceId}/invoice.pdf`), outsider)).status).toBe(403);
    expect(
      (await download(inst(`/invoices/${invoiceId}/invoice.pdf`, otherInstitution), outsider)).status,
    ).toBe(404);
    expect((await download(`/me/invoices/${invoiceId}/invoice.pdf`, null)).status).toBe(401);
    const stranger = candidate();
    expect((await api.call('get', `/me/invoices/${invoiceId}`, stranger)).status).toBe(404);
    expect((await api.call('get', '/me/invoices', stranger)).body.items).toEqual([]);
  });

  it('should let the buyer cancel and staff reject a request, freeing the order for a corrected one', async () => {
    const buyer = candidate();
    const orderId = await paidOrder(buyer);
    const path = `/me/orders/${orderId}/invoices`;
    const first = (await api.call('post', path, buyer, personal())).body.invoiceId as string;
    expect((await api.call('post', `/me/invoices/${first}/cancel`, candidate())).status).toBe(404);
    const cancelled = await api.call('post', `/me/invoices/${first}/cancel`, buyer);
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled' } });
    const second = (await api.call('post', path, buyer, personal())).body.invoiceId as string;
    expect(second).not.toBe(first);
    expect((await api.call('post', inst(`/invoices/${second}/reject`), clerk, { reason: '' })).status).toBe(
      400,
    );
    const rejected = await api.call('post', inst(`/invoices/${second}/reject`), clerk, {
      reason: '个人抬头请填写真实姓名',
    });
    expect(rejected).toMatchObject({
      status: 200,
      body: { status: 'rejected', rejectReason: '个人抬头请填写真实姓名' },
    });
    expect((await api.call('get', `/me/invoices/${second}`, buyer)).body.rejectReason).toBe(
      '个人抬头请填写真实姓名',
    );
    await expectEventually(() => {
      expect(decisionsAbout(staffActions, second)).toEqual([
        expect.objectContaining({
          action: 'invoice_rejected',
          staffUserId: clerk.userId,
          amountFen: null,
          reasonSha256: sha256Of('个人抬头请填写真实姓名'),
        }),
      ]);
    });
    expect(decisionsAbout(staffActions, first)).toEqual([]);
    const third = await api.call('post', path, buyer, personal());
    expect(third.status).toBe(201);
    const rejectedList = await api.call(
      'get',
      inst(`/invoices?status=rejected&from=${today()}&to=${today()}`),
      clerk,
    );
    expect((rejectedList.body.items as { invoiceId: string }[]).map((i) => i.invoiceId)).toContain(second);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const old = await api.call('get', inst(`/invoices?status=rejected&to=${yesterday}`), clerk);
    expect((old.body.items as { invoiceId: string }[]).map((i) => i.invoiceId)).not.toContain(second);
    expect((await api.call('get', inst('/invoices?status=bogus'), clerk)).status).toBe(400);
    expect((await api.call('get', inst('/invoices?from=yesterday'), clerk)).status).toBe(400);
    expect(await api.call('get', inst('/invoices?to=2026-02-30'), clerk)).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID' },
    });
  });

  it('should flag an issued invoice for a red-letter reversal once the order is refunded, and record it', async () => {
    const buyer = candidate();
    const orderId = await paidOrder(buyer);
    const invoiceId = (await api.call('post', `/me/orders/${orderId}/invoices`, buyer, personal())).body
      .invoiceId as string;
    expect((await issue(invoiceId)).status).toBe(200);
    expect(
      (
        await api.call('post', inst(`/invoices/${invoiceId}/reversal`), admin, {
          reversalInvoiceNo: '12345678',
        })
      ).body.code,
    ).toBe('INVOICE.NO_REVERSAL_REQUIRED');

    const refund = await api.call('post', inst(`/orders/${orderId}/refunds`), admin, {
      amountFen: 19_900,
      reason: '课程取消',
      idempotencyKey: key(),
    });
    expect(refund.status).toBe(201);
    await expectEventually(async () => {
      const view = await api.call('get', inst(`/invoices/${invoiceId}`), clerk);
      expect(view.body).toMatchObject({ status: 'issued', reversal: 'required', amountFen: 19_900 });
    });
    const flagged = await api.call('get', inst('/invoices?reversal=required'), clerk);
    expect((flagged.body.items as { invoiceId: string }[]).map((i) => i.invoiceId)).toContain(invoiceId);
    expect((await api.call('get', `/me/invoices/${invoiceId}`, buyer)).body.reversal).toBe('required');
    expect((await api.call('post', `/me/orders/${orderId}/invoices`, buyer, personal())).body.code).toBe(
      'INVOICE.ORDER_NOT_INVOICEABLE',
    );

    const reversed = await api.call('post', inst(`/invoices/${invoiceId}/reversal`), admin, {
      reversalInvoiceNo: '26442000000087654321',
    });
    expect(reversed).toMatchObject({
      status: 200,
      body: {
        reversal: 'done',
        reversalInvoiceNo: '26442000000087654321',
        invoiceNo: '26442000000012345678',
      },
    });
    // The flag was payments' own doing; the issue and the recorded reversal were staff's.
    await expectEventually(() => {
      expect(decisionsAbout(staffActions, invoiceId)).toEqual([
        expect.objectContaining({ action: 'invoice_issued', staffUserId: clerk.userId }),
        expect.objectContaining({
          action: 'invoice_reversal_recorded',
          staffUserId: admin.userId,
          amountFen: 19_900,
        }),
      ]);
    });
  });

  it('should close an open request when a refund leaves nothing to invoice', async () => {
    const buyer = candidate();
    const orderId = await paidOrder(buyer, 'alipay');
    const invoiceId = (await api.call('post', `/me/orders/${orderId}/invoices`, buyer, personal())).body
      .invoiceId as string;
    await api.call('post', inst(`/orders/${orderId}/refunds`), admin, {
      amountFen: 19_900,
      reason: '全额退款',
      idempotencyKey: key(),
    });
    await expectEventually(async () => {
      expect((await api.call('get', `/me/invoices/${invoiceId}`, buyer)).body).toMatchObject({
        status: 'cancelled',
        reversal: null,
      });
    });
    expect((await issue(invoiceId)).body.code).toBe('INVOICE.NOT_PENDING');
  });

  it('should blank the buyer’s personal fields on account erasure and keep amounts and numbers', async () => {
    const buyer = candidate();
    const orderId = await paidOrder(buyer);
    const issuedId = (await api.call('post', `/me/orders/${orderId}/invoices`, buyer, personal())).body
      .invoiceId as string;
    expect((await issue(issuedId)).status).toBe(200);
    const secondOrder = await paidOrder(buyer);
    const openId = (
      await api.call('post', `/me/orders/${secondOrder}/invoices`, buyer, {
        ...personal({ titleType: 'company', title: '福州某某科技有限公司' }),
        taxId: COMPANY_TAX_ID,
      })
    ).body.invoiceId as string;
    const material = await api.call('post', inst('/products'), admin, {
      kind: 'material',
      title: '复习资料',
      priceFen: 1_000,
    });
    const shipped = await api.call('post', '/orders', buyer, {
      productId: material.body.productId,
      quantity: 1,
      idempotencyKey: key(),
      contact: { name: '王小明', phone: '13812345678', address: '北京市海淀区中关村大街 1 号' },
    });
    expect(shipped.body.contact).not.toBeNull();
    const bystander = candidate();
    const bystanderOrder = await paidOrder(bystander);
    const bystanderInvoice = (
      await api.call('post', `/me/orders/${bystanderOrder}/invoices`, bystander, personal())
    ).body.invoiceId as string;

    const erasure = testEnvelope(Topics.ErasureRequested, buyer.userId, {
      userId: buyer.userId,
      requestId: randomUUID(),
      deadline: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    await h.bed.publish(erasure, erasure);

    await expectEventually(async () => {
      const issued = await api.call('get', inst(`/invoices/${issuedId}`), clerk);
      expect(issued.body).toMatchObject({
        title: null,
        email: null,
        erased: true,
        status: 'issued',
        invoiceNo: '26442000000012345678',
        amountFen: 19_900,
      });
    });
    expect((await api.call('get', inst(`/invoices/${openId}`), clerk)).body).toMatchObject({
      status: 'cancelled',
      title: '福州某某科技有限公司',
      taxId: COMPANY_TAX_ID,
      email: null,
      erased: true,
    });
    const rows = await h.bed.dataSource.query<{ title: string | null; email: string | null }[]>(
      'SELECT title, email FROM payment_invoices WHERE id = ?',
      [issuedId],
    );
    expect(rows).toEqual([{ title: null, email: null }]);
    const orderRows = await h.bed.dataSource.query<Record<string, unknown>[]>(
      'SELECT contact_name, contact_phone, contact_address, amount_fen FROM payment_orders WHERE id = ?',
      [shipped.body.orderId],
    );
    expect(orderRows).toEqual([
      { contact_name: null, contact_phone: null, contact_address: null, amount_fen: 1_000 },
    ]);
    expect((await download(inst(`/invoices/${issuedId}/invoice.pdf`), admin)).body.equals(PDF)).toBe(true);
    expect((await api.call('get', `/me/invoices/${bystanderInvoice}`, bystander)).body).toMatchObject({
      title: '**明',
      erased: false,
      status: 'requested',
    });
    await h.bed.publish(erasure, erasure);
    expect((await api.call('get', inst(`/invoices/${issuedId}`), clerk)).body.erased).toBe(true);
  });

  it('should keep at most the payer’s bank type from a callback, never a card number', async () => {
    const buyer = candidate();
    const orderId = await paidOrder(buyer, 'wechat');
    const rows = await h.bed.dataSource.query<{ payer_channel: string | null }[]>(
      'SELECT payer_channel FROM payment_transactions WHERE order_id = ?',
      [orderId],
    );
    expect(rows).toEqual([{ payer_channel: 'OTHERS' }]);
  });

  describe('a new exam-fee order after the last one expired', () => {
    async function registration(student: Caller, feeFen = 12_000): Promise<{ id: string; orderId: string }> {
      const registrationId = randomUUID();
      const created = testEnvelope(Topics.RegistrationCreated, registrationId, {
        registrationId,
        examId: randomUUID(),
        userId: student.userId,
        institutionId: institution,
        feeRequired: true,
        feeFen,
      });
      await h.bed.publish(created, created);
      let orderId = '';
      await expectEventually(async () => {
        const mine = await api.call('get', '/me/orders', student);
        const order = (mine.body.items as { registrationId: string; orderId: string }[]).find(
          (o) => o.registrationId === registrationId,
        );
        expect(order).toBeDefined();
        orderId = order?.orderId ?? '';
      });
      return { id: registrationId, orderId };
    }

    async function overdue(orderId: string): Promise<void> {
      await h.bed.dataSource.query('UPDATE payment_orders SET expires_at = ? WHERE id = ?', [
        new Date(Date.now() - 1000),
        orderId,
      ]);
    }

    it('should open one new order at the recorded fee, idempotently, and refuse while one is pending or paid', async () => {
      const student = candidate();
      const reg = await registration(student);
      const path = `/me/registrations/${reg.id}/orders`;
      expect(await api.call('post', path, student, { idempotencyKey: key() })).toMatchObject({
        status: 409,
        body: { code: 'ORDER.ALREADY_PENDING', details: [{ field: 'orderId', reason: reg.orderId }] },
      });
      await overdue(reg.orderId);
      const body = { idempotencyKey: key() };
      const replies = await Promise.all(
        Array.from({ length: 3 }, () => api.call('post', path, student, body)),
      );
      expect(replies.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(new Set(replies.map((r) => r.body.orderId)).size).toBe(1);
      const fresh = replies[0]?.body ?? {};
      expect(fresh).toMatchObject({
        kind: 'exam_fee',
        registrationId: reg.id,
        amountFen: 12_000,
        status: 'pending',
      });
      expect(fresh.orderId).not.toBe(reg.orderId);
      const racing = await Promise.all(
        Array.from({ length: 3 }, () => api.call('post', path, student, { idempotencyKey: key() })),
      );
      expect(racing.map((r) => r.body.code)).toEqual(Array(3).fill('ORDER.ALREADY_PENDING'));
      expect((await api.call('get', `/me/orders/${reg.orderId}`, student)).body.status).toBe('expired');

      const started = await api.call('post', `/me/orders/${fresh.orderId as string}/checkout`, student, {
        provider: 'wechat',
        method: 'native',
      });
      await sim.pay(started.body.codeUrl as string);
      expect((await api.call('get', `/me/orders/${fresh.orderId as string}`, student)).body.status).toBe(
        'paid',
      );
      expect(await api.call('post', path, student, { idempotencyKey: key() })).toMatchObject({
        status: 409,
        body: { code: 'ORDER.ALREADY_PAID' },
      });
      const orders = (await api.call('get', '/me/orders', student)).body.items as {
        registrationId: string;
      }[];
      expect(orders.filter((o) => o.registrationId === reg.id)).toHaveLength(2);
    });

    it('should refuse another candidate, an unknown registration, a cancelled one and a reused key', async () => {
      const student = candidate();
      const reg = await registration(student, 8_800);
      await overdue(reg.orderId);
      const path = `/me/registrations/${reg.id}/orders`;
      expect((await api.call('post', path, candidate(), { idempotencyKey: key() })).body.code).toBe(
        'ORDER.REGISTRATION_NOT_FOUND',
      );
      expect(
        (
          await api.call('post', `/me/registrations/${randomUUID()}/orders`, student, {
            idempotencyKey: key(),
          })
        ).status,
      ).toBe(404);
      expect((await api.call('post', path, clerk, { idempotencyKey: key() })).status).toBe(403);
      expect((await api.call('post', path, student, { idempotencyKey: 'x' })).status).toBe(400);
      expect((await api.call('post', path, student, { idempotencyKey: key(), amountFen: 1 })).status).toBe(
        400,
      );

      const productKey = key();
      await api.call('post', '/orders', student, {
        productId: courseId,
        quantity: 1,
        idempotencyKey: productKey,
      });
      expect((await api.call('post', path, student, { idempotencyKey: productKey })).body.code).toBe(
        'ORDER.IDEMPOTENCY_CONFLICT',
      );

      const cancelled = testEnvelope(Topics.RegistrationCancelled, reg.id, {
        registrationId: reg.id,
        examId: randomUUID(),
        userId: student.userId,
        institutionId: institution,
        reason: 'candidate',
        cancelledAt: new Date().toISOString(),
      });
      await h.bed.publish(cancelled, cancelled);
      await expectEventually(async () => {
        expect((await api.call('post', path, student, { idempotencyKey: key() })).body.code).toBe(
          'ORDER.REGISTRATION_CLOSED',
        );
      });
    });

    it('should still create one order per registration when exam’s event is delivered again', async () => {
      const student = candidate();
      const registrationId = randomUUID();
      const payload = {
        registrationId,
        examId: randomUUID(),
        userId: student.userId,
        institutionId: institution,
        feeRequired: true,
        feeFen: 5_000,
      };
      for (let i = 0; i < 3; i += 1) {
        const envelope = testEnvelope(Topics.RegistrationCreated, registrationId, payload);
        await h.bed.publish(envelope, envelope);
      }
      await expectEventually(async () => {
        const mine = (await api.call('get', '/me/orders', student)).body.items as unknown[];
        expect(mine).toHaveLength(1);
      });
      const late = testEnvelope(Topics.RegistrationCreated, registrationId, payload);
      await h.bed.publish(late, late);
      // Same subject, same partition: once the marker's order exists, the late delivery was handled.
      const marker = testEnvelope(Topics.RegistrationCreated, registrationId, {
        ...payload,
        registrationId: randomUUID(),
      });
      await h.bed.publish(marker, marker);
      await expectEventually(async () => {
        const mine = (await api.call('get', '/me/orders', student)).body.items as unknown[];
        expect(mine).toHaveLength(2);
      });
    });
  });
});
