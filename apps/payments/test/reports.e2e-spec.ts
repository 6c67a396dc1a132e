import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { expectEventually, testEnvelope } from '@exam/testing';
import ExcelJS from 'exceljs';

import {
  type Caller,
  candidate,
  PaymentsClient,
  type PaymentsHarness,
  SimClient,
  staff,
  startPaymentsWithSim,
} from './support/payments-bed';
import { payOrder, placeOrder } from './support/purchases';
import { download, put } from './support/settings-and-files';

interface Line {
  paymentCount: number;
  paymentsFen: number;
  refundCount: number;
  refundsFen: number;
  netFen: number;
}

const line = (paymentCount: number, paymentsFen: number, refundCount: number, refundsFen: number): Line => ({
  paymentCount,
  paymentsFen,
  refundCount,
  refundsFen,
  netFen: paymentsFen - refundsFen,
});

describe('payments: institution payment reports (e2e with pay-sim)', () => {
  let h: PaymentsHarness;
  let api: PaymentsClient;
  let sim: SimClient;
  const institution: string = randomUUID();
  const otherInstitution: string = randomUUID();
  const examOne = randomUUID();
  const examTwo = randomUUID();
  let admin: Caller;
  let clerk: Caller;
  let outsider: Caller;
  const buyers: Caller[] = [];
  let courseId: string;
  let bookId: string;
  let foreignCourseId: string;

  const inst = (path: string, id = institution): string => `/institutions/${id}${path}`;
  const report = (from: string, to: string, who: Caller | null = clerk, id = institution) =>
    api.call('get', inst(`/payment-report?from=${from}&to=${to}`, id), who);

  async function buy(productId: string, quantity: number, who: Caller, paid = true): Promise<string> {
    const orderId = await placeOrder(api, who, productId, quantity);
    if (paid) await payOrder(api, sim, who, orderId, 'alipay', 'page');
    return orderId;
  }

  async function examFee(
    examId: string,
    feeFen: number,
    who: Caller,
  ): Promise<{ orderId: string; registrationId: string }> {
    const registrationId = randomUUID();
    await h.bed.publish(
      testEnvelope(Topics.RegistrationCreated, registrationId, {
        registrationId,
        examId,
        userId: who.userId,
        institutionId: institution,
        feeRequired: true,
        feeFen,
      }),
    );
    let orderId = '';
    await expectEventually(async () => {
      const mine = await api.call('get', '/me/orders', who);
      const found = (mine.body.items as { orderId: string; registrationId: string | null }[]).find(
        (o) => o.registrationId === registrationId,
      );
      expect(found).toBeDefined();
      orderId = found?.orderId ?? '';
    });
    await payOrder(api, sim, who, orderId, 'alipay', 'page');
    return { orderId, registrationId };
  }

  async function staffRefund(orderId: string, amountFen: number): Promise<string> {
    const done = await api.call('post', inst(`/orders/${orderId}/refunds`), clerk, {
      amountFen,
      reason: '退课',
      idempotencyKey: `refund-${randomUUID()}`,
    });
    expect(done.status).toBe(201);
    return done.body.refundId as string;
  }

  /** Puts an order's payment (and the refunds given) on chosen instants, so that days are exact. */
  async function moveTo(
    orderId: string,
    paidAt: string,
    refunds: Record<string, string> = {},
  ): Promise<void> {
    await h.bed.dataSource.query('UPDATE payment_orders SET paid_at = ? WHERE id = ?', [
      new Date(paidAt),
      orderId,
    ]);
    for (const [refundId, settledAt] of Object.entries(refunds))
      await h.bed.dataSource.query('UPDATE payment_refunds SET settled_at = ? WHERE id = ?', [
        new Date(settledAt),
        refundId,
      ]);
  }

  // Shanghai days 2026-03-01 .. 03: 03-01 ends at 2026-03-01T16:00Z.
  const expected = {
    course: line(3, 79_600, 1, 9_900),
    book: line(1, 4_550, 0, 0),
    examOne: line(2, 24_000, 1, 12_000),
    examTwo: line(1, 30_000, 0, 0),
    day1: line(3, 56_350, 0, 0),
    day2: line(3, 61_900, 1, 12_000),
    day3: line(1, 19_900, 1, 9_900),
  };
  const totals = line(7, 138_150, 2, 21_900);

  beforeAll(async () => {
    h = await startPaymentsWithSim();
    api = new PaymentsClient(h.bed.url);
    sim = new SimClient(h.sim.url);
    admin = staff(institution, 'org_admin');
    clerk = staff(institution, 'org_staff');
    outsider = staff(otherInstitution, 'org_admin');
    for (let i = 0; i < 4; i += 1) buyers.push(candidate());
    const product = async (id: string, who: Caller, title: string, priceFen: number): Promise<string> => {
      const made = await api.call('post', inst('/products', id), who, { kind: 'course', title, priceFen });
      expect(made.status).toBe(201);
      return made.body.productId as string;
    };
    courseId = await product(institution, admin, '冲刺课程', 19_900);
    bookId = await product(institution, admin, '电子讲义', 4_550);
    foreignCourseId = await product(otherInstitution, outsider, '别家课程', 77_700);
    expect(
      (await put(h.bed.url, inst('/payment-settings'), admin, { refundApprovalThresholdFen: 10_000 })).status,
    ).toBe(200);
    const [a, b, c, d] = buyers as [Caller, Caller, Caller, Caller];

    // Day 1 (2026-03-01): the course twice in one order (39 800), the book (4 550), exam one (12 000, last ms).
    const twoCourses = await buy(courseId, 2, a);
    await moveTo(twoCourses, '2026-03-01T00:00:00.000Z');
    const book = await buy(bookId, 1, b);
    await moveTo(book, '2026-02-28T16:00:00.000Z');
    const examOneFirst = await examFee(examOne, 12_000, c);
    await moveTo(examOneFirst.orderId, '2026-03-01T15:59:59.999Z');
    // Day 2: exam one again and exam two (first ms of the day), the course once; exam one's first fee refunded.
    const examOneSecond = await examFee(examOne, 12_000, d);
    await moveTo(examOneSecond.orderId, '2026-03-01T16:00:00.000Z');
    const examTwoFee = await examFee(examTwo, 30_000, a);
    await moveTo(examTwoFee.orderId, '2026-03-02T03:00:00.000Z');
    const oneCourse = await buy(courseId, 1, b);
    await moveTo(oneCourse, '2026-03-02T10:00:00.000Z');
    await h.bed.publish(
      testEnvelope(Topics.RefundRequested, examOneFirst.registrationId, {
        registrationId: examOneFirst.registrationId,
        orderId: examOneFirst.orderId,
        userId: c.userId,
        amountFen: 12_000,
        currency: 'CNY',
      }),
    );
    let examRefundId = '';
    await expectEventually(async () => {
      const detail = await api.call('get', inst(`/orders/${examOneFirst.orderId}`), clerk);
      expect(detail.body.refunds).toMatchObject([{ source: 'exam', status: 'succeeded' }]);
      examRefundId = (detail.body.refunds as { refundId: string }[])[0]?.refundId ?? '';
    });
    await moveTo(examOneFirst.orderId, '2026-03-01T15:59:59.999Z', {
      [examRefundId]: '2026-03-02T12:00:00.000Z',
    });
    // Day 3: the two-course order's 9 900 refunded; a refund awaiting approval and
    // a pending order count for nothing; the book is paid on day 4 (outside the shorter range).
    const courseRefund = await staffRefund(twoCourses, 9_900);
    await moveTo(twoCourses, '2026-03-01T00:00:00.000Z', { [courseRefund]: '2026-03-03T15:59:59.000Z' });
    const held = await api.call('post', inst(`/orders/${oneCourse}/refunds`), clerk, {
      amountFen: 19_900,
      reason: '整单退款',
      idempotencyKey: `refund-${randomUUID()}`,
    });
    expect(held.body.status).toBe('pending_approval');
    await buy(courseId, 1, c, false);
    const lateBook = await buy(bookId, 1, d);
    await moveTo(lateBook, '2026-03-03T16:00:00.000Z');
    // Another institution's sale on day 1 never shows.
    const foreign = await buy(foreignCourseId, 1, a);
    await moveTo(foreign, '2026-03-01T08:00:00.000Z');
    // Day 3's one payment.
    const dayThree = await buy(courseId, 1, c);
    await moveTo(dayThree, '2026-03-03T01:00:00.000Z');
  }, 180_000);

  afterEach(async () => {
    await sim.reset();
  });

  afterAll(async () => {
    await h.close();
  });

  it('should sum payments, refunds and net per day, exam and product exactly', async () => {
    const got = await report('2026-03-01', '2026-03-03');
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      institutionId: institution,
      from: '2026-03-01',
      to: '2026-03-03',
      timeZone: 'Asia/Shanghai',
      currency: 'CNY',
    });
    expect(got.body.totals).toEqual(totals);
    expect(got.body.byDay).toEqual([
      { day: '2026-03-01', ...expected.day1 },
      { day: '2026-03-02', ...expected.day2 },
      { day: '2026-03-03', ...expected.day3 },
    ]);
    expect(got.body.byExam).toEqual(
      [
        { examId: examOne, ...expected.examOne },
        { examId: examTwo, ...expected.examTwo },
      ].sort((x, y) => x.examId.localeCompare(y.examId)),
    );
    expect(got.body.byProduct).toEqual(
      [
        { productId: courseId, title: '冲刺课程', ...expected.course },
        { productId: bookId, title: '电子讲义', ...expected.book },
      ].sort((x, y) => x.title.localeCompare(y.title)),
    );
    const oneDay = await report('2026-03-02', '2026-03-02', admin);
    expect(oneDay.body.totals).toEqual(expected.day2);
    const wider = await report('2026-03-01', '2026-03-04');
    expect((wider.body.totals as Line).paymentsFen).toBe(totals.paymentsFen + 4_550);
    const text = JSON.stringify(got.body);
    for (const buyer of buyers) expect(text).not.toContain(buyer.userId);
  });

  it('should export the same numbers as a workbook, without buyers', async () => {
    const reply = await download(
      h.bed.url,
      inst('/payment-report.xlsx?from=2026-03-01&to=2026-03-03'),
      clerk,
    );
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(reply.raw as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['summary', 'days', 'exams', 'products']);
    const rows = (name: string): unknown[][] => {
      const out: unknown[][] = [];
      workbook.getWorksheet(name)?.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    const cells = (l: Line): number[] => [
      l.paymentCount,
      l.paymentsFen,
      l.refundCount,
      l.refundsFen,
      l.netFen,
    ];
    const header = ['paymentCount', 'paymentsFen', 'refundCount', 'refundsFen', 'netFen'];
    expect(rows('days')).toEqual([
      ['day', ...header],
      ['2026-03-01', ...cells(expected.day1)],
      ['2026-03-02', ...cells(expected.day2)],
      ['2026-03-03', ...cells(expected.day3)],
      ['total', ...cells(totals)],
    ]);
    const exams = rows('exams');
    expect(exams[0]).toEqual(['examId', ...header]);
    expect(new Map(exams.slice(1, -1).map((r) => [r[0], r.slice(1)]))).toEqual(
      new Map([
        [examOne, cells(expected.examOne)],
        [examTwo, cells(expected.examTwo)],
      ]),
    );
    expect(exams.at(-1)).toEqual(['total', ...cells(line(3, 54_000, 1, 12_000))]);
    const products = rows('products');
    expect(new Map(products.slice(1, -1).map((r) => [r[0], r.slice(1)]))).toEqual(
      new Map([
        [courseId, ['冲刺课程', ...cells(expected.course)]],
        [bookId, ['电子讲义', ...cells(expected.book)]],
      ]),
    );
    expect(products.at(-1)).toEqual(['total', '', ...cells(line(4, 84_150, 1, 9_900))]);
    const summary = new Map(rows('summary').map((r) => [r[0], r[1]]));
    expect(summary.get('paymentsFen')).toBe(totals.paymentsFen);
    expect(summary.get('netFen')).toBe(totals.netFen);
    const all = workbook.worksheets.flatMap((s) => {
      const found: string[] = [];
      s.eachRow((row) => {
        row.eachCell((cell) => found.push(cell.text));
      });
      return found;
    });
    for (const buyer of buyers) expect(all.join('|')).not.toContain(buyer.userId);
  });

  it('should refuse bad ranges with a clear 400', async () => {
    expect(await report('2026-03-03', '2026-03-01')).toMatchObject({
      status: 400,
      body: { code: 'REPORT.RANGE_INVALID' },
    });
    expect(await report('2026-02-30', '2026-03-01')).toMatchObject({
      status: 400,
      body: { code: 'REPORT.RANGE_INVALID' },
    });
    expect(await report('2025-01-01', '2026-01-02')).toMatchObject({
      status: 400,
      body: { code: 'REPORT.RANGE_TOO_LONG' },
    });
    expect((await report('2025-01-01', '2025-12-31')).status).toBe(200);
    expect(await report('20260301', '2026-03-02')).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID' },
    });
    expect(await api.call('get', inst('/payment-report?from=2026-03-01'), clerk)).toMatchObject({
      status: 400,
      body: { code: 'REQUEST.INVALID' },
    });
    const xlsx = await download(h.bed.url, inst('/payment-report.xlsx?from=2026-03-02&to=2026-03-01'), clerk);
    expect(xlsx.status).toBe(400);
  });

  it('should show an institution’s report to its own staff only', async () => {
    expect((await report('2026-03-01', '2026-03-03', outsider)).status).toBe(403);
    expect((await report('2026-03-01', '2026-03-03', buyers[0] ?? null)).status).toBe(403);
    expect((await report('2026-03-01', '2026-03-03', null)).status).toBe(401);
    expect(
      (await download(h.bed.url, inst('/payment-report.xlsx?from=2026-03-01&to=2026-03-03'), outsider))
        .status,
    ).toBe(403);
    const theirs = await report('2026-03-01', '2026-03-03', outsider, otherInstitution);
    expect(theirs.status).toBe(200);
    expect(theirs.body.totals).toEqual(line(1, 77_700, 0, 0));
    expect(theirs.body.byProduct).toEqual([
      { productId: foreignCourseId, title: '别家课程', ...line(1, 77_700, 0, 0) },
    ]);
  });
});
