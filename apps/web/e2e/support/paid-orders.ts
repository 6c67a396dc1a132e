import { randomUUID } from 'node:crypto';

import { type APIRequestContext, expect } from '@playwright/test';

import { type ApiSession, apiSignIn, bearer, type Candidate, createCandidate } from './accounts';
import { createExam } from './exam-factory';

export interface PaidOrder {
  readonly orderId: string;
  /** The merchant order number the providers know it by. */
  readonly outTradeNo: string;
  readonly title: string;
  readonly buyer: ApiSession;
}

/**
 * A course of the institution bought and paid by a fresh candidate through the API: the admin lists it, the
 * candidate orders it and checks out with WeChat Pay (Native), and the simulator's pay page is confirmed (its
 * callback makes the order paid). Set-up for console journeys, not a journey itself.
 */
export async function paidCourseOrder(
  request: APIRequestContext,
  admin: ApiSession,
  institutionId: string,
  priceFen: number,
): Promise<PaidOrder> {
  const title = `对账课程 ${Date.now().toString(36)}`;
  const product = await request.post(`/api/payments/institutions/${institutionId}/products`, {
    headers: bearer(admin),
    data: { kind: 'course', title, description: '浏览器测试课程', priceFen },
  });
  expect(product.ok(), `listing the course: ${await product.text()}`).toBe(true);
  const { productId } = (await product.json()) as { productId: string };
  const candidate = await createCandidate(request);
  const buyer = await apiSignIn(request, candidate.login, candidate.password);
  const placed = await request.post('/api/payments/orders', {
    headers: bearer(buyer),
    data: { productId, quantity: 1, idempotencyKey: randomUUID() },
  });
  expect(placed.ok(), `ordering: ${await placed.text()}`).toBe(true);
  const { orderId } = (await placed.json()) as { orderId: string };
  await payWithWeChat(request, buyer, orderId);
  return { orderId, outTradeNo: orderId.replaceAll('-', ''), title, buyer };
}

/** Checks out with WeChat Pay (Native), confirms on the simulator's pay page and waits for the order to be paid. */
async function payWithWeChat(request: APIRequestContext, buyer: ApiSession, orderId: string): Promise<void> {
  const checkout = await request.post(`/api/payments/me/orders/${orderId}/checkout`, {
    headers: bearer(buyer),
    data: { provider: 'wechat', method: 'native' },
  });
  expect(checkout.ok(), `checking out: ${await checkout.text()}`).toBe(true);
  const { codeUrl } = (await checkout.json()) as { codeUrl: string };
  const paid = await request.post(`${codeUrl}/confirm`);
  expect(paid.ok(), `paying on the simulator: ${await paid.text()}`).toBe(true);
  await expect
    .poll(
      async () => {
        const order = await request.get(`/api/payments/me/orders/${orderId}`, { headers: bearer(buyer) });
        return ((await order.json()) as { status: string }).status;
      },
      { timeout: 15_000 },
    )
    .toBe('paid');
}

export interface PaidRegistration {
  readonly candidate: Candidate;
  readonly buyer: ApiSession;
  readonly institutionId: string;
  readonly examTitle: string;
  readonly registrationId: string;
  readonly orderId: string;
}

/**
 * A fresh candidate registered for a new exam with a fee and paid through the API (the order the payments
 * service opens from the registration event, paid with WeChat Pay on the simulator): the candidate's
 * registration page then shows the paid order, with its invoice panel. Set-up, not a journey.
 */
export async function paidExamRegistration(
  request: APIRequestContext,
  feeFen: number,
): Promise<PaidRegistration> {
  // Opening in an hour: registration (which closes at the opening) stays open while the journey runs.
  const exam = await createExam(request, { feeFen, opensInSeconds: 3_600 });
  const candidate = await createCandidate(request);
  const buyer = await apiSignIn(request, candidate.login, candidate.password);
  const registered = await request.post(`/api/exam/exams/${exam.examId}/registrations`, {
    headers: bearer(buyer),
    data: { answers: [] },
  });
  expect(registered.ok(), `registering: ${await registered.text()}`).toBe(true);
  const { registrationId } = (await registered.json()) as { registrationId: string };
  // The payments service opens the order from exam's registration event (Kafka): it may take a moment.
  let orderId = '';
  await expect
    .poll(
      async () => {
        const orders = await request.get('/api/payments/me/orders', { headers: bearer(buyer) });
        const items = (
          (await orders.json()) as { items: { orderId: string; registrationId: string | null }[] }
        ).items;
        orderId = items.find((o) => o.registrationId === registrationId)?.orderId ?? '';
        return orderId;
      },
      { timeout: 20_000 },
    )
    .not.toBe('');
  await payWithWeChat(request, buyer, orderId);
  return {
    candidate,
    buyer,
    institutionId: exam.institutionId,
    examTitle: exam.title,
    registrationId,
    orderId,
  };
}

/** The date in Beijing (the merchant day of statements and reports) `days` from today, YYYY-MM-DD. */
export function beijingDay(days: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

/** Today's date in Beijing, YYYY-MM-DD. */
export function beijingToday(): string {
  return beijingDay(0);
}
