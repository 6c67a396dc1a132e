import { randomUUID } from 'node:crypto';

import { type APIRequestContext, expect } from '@playwright/test';

import { type ApiSession, apiSignIn, bearer, createCandidate } from './accounts';

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
  return { orderId, outTradeNo: orderId.replaceAll('-', ''), title, buyer };
}

/** Today's date in Beijing (the merchant day of statements and reports), YYYY-MM-DD. */
export function beijingToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
