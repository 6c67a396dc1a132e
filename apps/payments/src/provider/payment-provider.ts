import type { ProviderName } from '../order/order.entity';
import type { ProviderStatement } from './provider-statement';

export const CHECKOUT_METHODS = ['native', 'precreate', 'page'] as const;
export type CheckoutMethod = (typeof CHECKOUT_METHODS)[number];

export interface CheckoutRequest {
  readonly outTradeNo: string;
  readonly description: string;
  readonly amountFen: number;
  readonly expiresAt: Date;
  readonly method: CheckoutMethod;
}

/** What the buyer opens to pay: a QR code's content (`codeUrl`) or a page (`payUrl`). */
export interface Checkout {
  readonly codeUrl?: string;
  readonly payUrl?: string;
}

export interface RefundSubmission {
  readonly outTradeNo: string;
  readonly outRefundNo: string;
  readonly totalFen: number;
  readonly refundFen: number;
  readonly reason: string;
}

export type RefundAnswer =
  | { readonly status: 'processing' | 'succeeded'; readonly providerRefundId: string }
  | { readonly status: 'failed'; readonly reason: string };

/** A trade as the provider's query answers it; a paid one carries what a payment callback would. */
export type TradeState =
  | {
      readonly state: 'paid';
      readonly providerTradeNo: string;
      readonly amountFen: number;
      readonly currency: string;
      readonly paidAt: Date;
    }
  | { readonly state: 'pending' | 'closed' | 'unknown' };

export interface RefundQuery {
  readonly outTradeNo: string;
  readonly outRefundNo: string;
}

/** A refund as the provider's refund query answers it (unknown: the provider has no such refund, or says nothing). */
export type RefundState =
  | { readonly state: 'succeeded'; readonly providerRefundId: string }
  | { readonly state: 'failed'; readonly providerRefundId: string; readonly reason: string }
  | { readonly state: 'processing' | 'unknown' };

/** A callback whose signature and freshness were verified, in the platform's terms. */
export type ProviderNotice =
  | {
      readonly kind: 'payment';
      readonly outTradeNo: string;
      readonly providerTradeNo: string;
      readonly amountFen: number;
      readonly currency: string;
      readonly paidAt: Date;
      /** How the buyer paid (bank type, fund channel), never a card number: see payer-channel.ts. */
      readonly payerChannel: string | null;
    }
  | {
      readonly kind: 'refund';
      readonly outTradeNo: string;
      readonly outRefundNo: string;
      readonly providerRefundId: string;
      readonly succeeded: boolean;
    }
  | { readonly kind: 'ignored'; readonly detail: string };

export type NoticeCheck =
  | { readonly ok: true; readonly notice: ProviderNotice }
  | {
      readonly ok: false;
      readonly outcome: 'bad_signature' | 'stale' | 'malformed';
      readonly detail: string;
    };

/** What reached the callback route: headers, the body exactly as received, and the parsed form (Alipay). */
export interface RawCallback {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
  readonly form: Readonly<Partial<Record<string, string>>>;
}

/** The port every payment provider adapter implements, in the providers' own published protocols. */
export interface PaymentProvider {
  readonly name: ProviderName;
  /** Whether its keys are configured; an unconfigured provider is not offered. */
  readonly configured: boolean;
  readonly methods: readonly CheckoutMethod[];
  checkout(request: CheckoutRequest): Promise<Checkout>;
  refund(request: RefundSubmission): Promise<RefundAnswer>;
  query(outTradeNo: string): Promise<TradeState>;
  queryRefund(request: RefundQuery): Promise<RefundState>;
  verifyNotice(callback: RawCallback, now: Date): NoticeCheck;
  /** The provider's statement of one merchant day (YYYY-MM-DD, Asia/Shanghai), downloaded and verified. */
  statement(date: string): Promise<ProviderStatement>;
}

/** A provider answered something the protocol does not allow (bad signature, error code, garbage). */
export class ProviderCallError extends Error {}
