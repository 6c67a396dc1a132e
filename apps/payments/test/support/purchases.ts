import { randomUUID } from 'node:crypto';

import { expectEventually } from '@exam/testing';

import type { Caller, PaymentsClient, SimClient } from './payments-bed';

export type Provider = 'wechat' | 'alipay';
export type CheckoutMethod = 'native' | 'precreate' | 'page';

/** A product order placed by `buyer` (a fresh idempotency key); answers its id. */
export async function placeOrder(
  api: PaymentsClient,
  buyer: Caller,
  productId: string,
  quantity = 1,
): Promise<string> {
  const placed = await api.call('post', '/orders', buyer, {
    productId,
    quantity,
    idempotencyKey: `key-${randomUUID()}`,
  });
  expect(placed.status).toBe(201);
  return placed.body.orderId as string;
}

/**
 * Checks the order out with the provider (WeChat: its QR code; Alipay: QR code, or the pay page), presses the
 * simulator's pay button, and waits until the provider's callback made the order paid.
 */
export async function payOrder(
  api: PaymentsClient,
  sim: SimClient,
  buyer: Caller,
  orderId: string,
  provider: Provider = 'wechat',
  method: CheckoutMethod = provider === 'wechat' ? 'native' : 'precreate',
): Promise<void> {
  const started = await api.call('post', `/me/orders/${orderId}/checkout`, buyer, { provider, method });
  expect(started.status).toBe(200);
  const paid = await sim.pay((started.body.codeUrl ?? started.body.payUrl) as string);
  expect(paid.status).toBe(200);
  await expectEventually(async () => {
    expect((await api.call('get', `/me/orders/${orderId}`, buyer)).body.status).toBe('paid');
  });
}

/** placeOrder then payOrder: a paid product order. */
export async function buyAndPay(
  api: PaymentsClient,
  sim: SimClient,
  buyer: Caller,
  purchase: { productId: string; quantity?: number; provider?: Provider; method?: CheckoutMethod },
): Promise<string> {
  const orderId = await placeOrder(api, buyer, purchase.productId, purchase.quantity);
  await payOrder(api, sim, buyer, orderId, purchase.provider, purchase.method);
  return orderId;
}
