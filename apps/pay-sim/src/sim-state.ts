import { generateKeyPairSync, type KeyObject } from 'node:crypto';

import { randomToken, sha256RsaSign } from './sim-crypto';

export type Provider = 'wechat' | 'alipay';

export interface SimRefund {
  readonly outRefundNo: string;
  readonly refundId: string;
  readonly amountFen: number;
  /** When the provider took the refund: the day its statement lists it. */
  readonly at?: Date;
}

export interface SimTrade {
  readonly provider: Provider;
  readonly token: string;
  readonly outTradeNo: string;
  readonly amountFen: number;
  readonly description: string;
  readonly notifyUrl: string;
  readonly expiresAt: Date | undefined;
  status: 'NOTPAY' | 'SUCCESS' | 'CLOSED';
  transactionId?: string;
  paidAt?: Date;
  readonly refunds: SimRefund[];
}

/** How the next callbacks go wrong, on demand (POST /sim/control); reset with POST /sim/reset. */
export interface SimControl {
  /** Extra copies of each callback (duplicates). */
  duplicates: number;
  /** Signed with a key that is not the platform's (a forgery). */
  wrongSignature: boolean;
  /** Added to the signed timestamp (negative: an old, replayed-looking callback). */
  timestampSkewSeconds: number;
  /** Added to the amount the callback reports (a wrong amount, correctly signed). */
  amountDeltaFen: number;
  /** Kept back until POST /sim/release (late or reordered callbacks). */
  hold: boolean;
}

export const DEFAULT_CONTROL: SimControl = {
  duplicates: 0,
  wrongSignature: false,
  timestampSkewSeconds: 0,
  amountDeltaFen: 0,
  hold: false,
};

export interface Delivery {
  readonly id: number;
  readonly provider: Provider;
  readonly kind: 'payment' | 'refund';
  readonly outTradeNo: string;
  readonly url: string;
  readonly contentType: string;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  status?: number;
  response?: string;
  error?: string;
  sentAt?: string;
}

export type PreparedCallback = Omit<Delivery, 'id'>;

/** The simulator's memory: trades by provider and merchant number, pay-page tokens, callbacks sent and held. */
export class SimState {
  readonly trades = new Map<string, SimTrade>();
  readonly byToken = new Map<string, SimTrade>();
  readonly deliveries: Delivery[] = [];
  held: Delivery[] = [];
  control: SimControl = { ...DEFAULT_CONTROL };
  private nextId = 1;
  private readonly forger: KeyObject = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

  key(provider: Provider, outTradeNo: string): string {
    return `${provider}:${outTradeNo}`;
  }

  find(provider: Provider, outTradeNo: string): SimTrade | undefined {
    return this.trades.get(this.key(provider, outTradeNo));
  }

  findRefund(provider: Provider, outRefundNo: string): { trade: SimTrade; refund: SimRefund } | undefined {
    for (const trade of this.trades.values()) {
      if (trade.provider !== provider) continue;
      const refund = trade.refunds.find((r) => r.outRefundNo === outRefundNo);
      if (refund !== undefined) return { trade, refund };
    }
    return undefined;
  }

  add(trade: Omit<SimTrade, 'token' | 'refunds' | 'status'>): SimTrade {
    const created: SimTrade = { ...trade, token: randomToken(), status: 'NOTPAY', refunds: [] };
    this.trades.set(this.key(trade.provider, trade.outTradeNo), created);
    this.byToken.set(created.token, created);
    return created;
  }

  record(prepared: PreparedCallback): Delivery {
    const delivery: Delivery = { ...prepared, id: this.nextId++ };
    this.deliveries.push(delivery);
    if (this.deliveries.length > 1000) this.deliveries.shift();
    return delivery;
  }

  /** A signature by a key only the simulator's forger holds: right format, wrong signer. */
  forge(message: string): string {
    return sha256RsaSign(message, this.forger);
  }
}

/** Posts one callback and keeps what came back. */
export async function send(delivery: Delivery, now: () => Date): Promise<Delivery> {
  try {
    const response = await fetch(delivery.url, {
      method: 'POST',
      headers: { 'content-type': delivery.contentType, ...delivery.headers },
      body: delivery.body,
      signal: AbortSignal.timeout(10_000),
    });
    delivery.status = response.status;
    delivery.response = (await response.text()).slice(0, 500);
  } catch (error: unknown) {
    delivery.error = error instanceof Error ? error.message : String(error);
  }
  delivery.sentAt = now().toISOString();
  return delivery;
}
