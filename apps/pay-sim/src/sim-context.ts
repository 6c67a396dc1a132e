import type { KeyObject } from 'node:crypto';

import type { PaySimEnv } from './config/pay-sim.env';
import type { KeyPairPem } from './sim-crypto';
import { type Delivery, type PreparedCallback, send, type SimState, type SimTrade } from './sim-state';

export interface SimKeys {
  readonly wechatPlatform: KeyPairPem;
  readonly wechatMerchant: KeyObject | undefined;
  readonly alipay: KeyPairPem;
  readonly alipayApp: KeyObject | undefined;
}

/** What every route of the simulator shares. */
export interface SimContext {
  readonly env: PaySimEnv;
  readonly keys: SimKeys;
  readonly state: SimState;
  readonly now: () => Date;
}

export type CallbackBuilder = (trade: SimTrade, signedAt: Date, amountDeltaFen: number) => PreparedCallback;

/**
 * Builds a trade's callback per the control settings (duplicates, skewed timestamp, wrong amount, forged
 * signature by the builder's `forge`) and sends it, or holds it for POST /sim/release.
 */
export async function dispatch(
  ctx: SimContext,
  trade: SimTrade,
  build: CallbackBuilder,
): Promise<Delivery[]> {
  const control = ctx.state.control;
  const signedAt = new Date(ctx.now().getTime() + control.timestampSkewSeconds * 1000);
  const prepared = build(trade, signedAt, control.amountDeltaFen);
  const copies = Array.from({ length: 1 + control.duplicates }, () => ctx.state.record(prepared));
  if (control.hold) {
    ctx.state.held.push(...copies);
    return copies;
  }
  for (const copy of copies) await send(copy, ctx.now);
  return copies;
}
