import type { KeyObject } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { PaymentsEnv } from '../../config/payments.env';
import { CURRENCY } from '../../order/domain/money';
import { payerChannelOf } from '../payer-channel';
import {
  type Checkout,
  type CheckoutMethod,
  type CheckoutRequest,
  type NoticeCheck,
  type PaymentProvider,
  ProviderCallError,
  type RawCallback,
  type RefundAnswer,
  type RefundQuery,
  type RefundState,
  type RefundSubmission,
  type TradeState,
} from '../payment-provider';
import { headerValue, privateKeyFrom, publicKeyFrom } from '../provider-keys';
import type { ProviderStatement } from '../provider-statement';
import {
  authorizationHeader,
  decryptResource,
  type EncryptedResource,
  type MerchantCredentials,
  nonceString,
  verifyPlatformSignature,
  WECHATPAY_HEADERS,
} from './wechat-pay.protocol';
import {
  downloadTradeBill,
  parseWechatTradeBill,
  tradeBillAnswer,
  verifyBillHash,
} from './wechat-pay.statement';

export const WECHATPAY_CALLBACK_PATH = '/api/payments/callbacks/wechat';

interface Notification {
  readonly id?: unknown;
  readonly event_type?: unknown;
  readonly resource?: Partial<EncryptedResource>;
}

interface TransactionResource {
  readonly mchid?: unknown;
  readonly out_trade_no?: unknown;
  readonly transaction_id?: unknown;
  readonly trade_state?: unknown;
  readonly success_time?: unknown;
  readonly amount?: { readonly total?: unknown; readonly currency?: unknown };
  readonly bank_type?: unknown;
}

interface RefundResource {
  readonly mchid?: unknown;
  readonly out_trade_no?: unknown;
  readonly out_refund_no?: unknown;
  readonly refund_id?: unknown;
  readonly refund_status?: unknown;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** RFC 3339 in Beijing time, as WeChat Pay writes time_expire. */
function beijingRfc3339(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
}

/** WeChat Pay API v3 adapter: Native (QR code) payment, refunds, order query, verified callbacks. */
@Injectable()
export class WechatPayProvider implements PaymentProvider {
  readonly name = 'wechat' as const;
  readonly methods: readonly CheckoutMethod[] = ['native'];
  private readonly merchant?: MerchantCredentials;
  private readonly platformKey?: KeyObject;

  constructor(
    private readonly env: PaymentsEnv,
    private readonly clock: Clock,
  ) {
    const privateKey = privateKeyFrom(env.WECHATPAY_MERCHANT_PRIVATE_KEY);
    if (privateKey !== undefined)
      this.merchant = { mchId: env.WECHATPAY_MCH_ID, serialNo: env.WECHATPAY_MERCHANT_SERIAL, privateKey };
    this.platformKey = publicKeyFrom(env.WECHATPAY_PLATFORM_PUBLIC_KEY);
  }

  get configured(): boolean {
    return (
      this.merchant !== undefined &&
      this.platformKey !== undefined &&
      this.env.WECHATPAY_APIV3_KEY.length === 32
    );
  }

  async checkout(request: CheckoutRequest): Promise<Checkout> {
    const answer = await this.call('POST', '/v3/pay/transactions/native', {
      appid: this.env.WECHATPAY_APP_ID,
      mchid: this.env.WECHATPAY_MCH_ID,
      description: request.description,
      out_trade_no: request.outTradeNo,
      time_expire: beijingRfc3339(request.expiresAt),
      notify_url: `${this.env.PAYMENTS_NOTIFY_BASE_URL}${WECHATPAY_CALLBACK_PATH}`,
      amount: { total: request.amountFen, currency: CURRENCY },
    });
    if (answer.status !== 200 || !isText(answer.json.code_url))
      throw new ProviderCallError(`native order refused: ${answer.status} ${String(answer.json.code)}`);
    return { codeUrl: answer.json.code_url };
  }

  async refund(request: RefundSubmission): Promise<RefundAnswer> {
    const answer = await this.call('POST', '/v3/refund/domestic/refunds', {
      out_trade_no: request.outTradeNo,
      out_refund_no: request.outRefundNo,
      reason: request.reason.slice(0, 80),
      notify_url: `${this.env.PAYMENTS_NOTIFY_BASE_URL}${WECHATPAY_CALLBACK_PATH}`,
      amount: { refund: request.refundFen, total: request.totalFen, currency: CURRENCY },
    });
    if (answer.status >= 400 && answer.status < 500)
      return {
        status: 'failed',
        reason: `${String(answer.json.code)}: ${String(answer.json.message)}`.slice(0, 200),
      };
    const refundId = answer.json.refund_id;
    if (answer.status !== 200 || !isText(refundId)) throw new ProviderCallError(`refund: ${answer.status}`);
    if (answer.json.status === 'SUCCESS') return { status: 'succeeded', providerRefundId: refundId };
    if (answer.json.status === 'PROCESSING') return { status: 'processing', providerRefundId: refundId };
    return { status: 'failed', reason: `refund status ${String(answer.json.status)}` };
  }

  async query(outTradeNo: string): Promise<TradeState> {
    const answer = await this.call(
      'GET',
      `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${this.env.WECHATPAY_MCH_ID}`,
    );
    if (answer.status === 404) return { state: 'unknown' };
    if (answer.status !== 200) throw new ProviderCallError(`order query: ${answer.status}`);
    const { trade_state: state, transaction_id: tradeNo, success_time: successTime } = answer.json;
    if (answer.json.mchid !== this.env.WECHATPAY_MCH_ID || answer.json.out_trade_no !== outTradeNo)
      throw new ProviderCallError('order query answered for another merchant or order');
    const amount = answer.json.amount as { total?: unknown; currency?: unknown } | undefined;
    const paidAt = isText(successTime) ? new Date(successTime) : new Date(Number.NaN);
    if (state === 'SUCCESS') {
      if (
        !isText(tradeNo) ||
        typeof amount?.total !== 'number' ||
        !Number.isSafeInteger(amount.total) ||
        Number.isNaN(paidAt.getTime())
      )
        throw new ProviderCallError('order query: a paid order without its transaction, amount or time');
      return {
        state: 'paid',
        providerTradeNo: tradeNo,
        amountFen: amount.total,
        currency: String(amount.currency),
        paidAt,
      };
    }
    if (state === 'NOTPAY' || state === 'USERPAYING') return { state: 'pending' };
    if (state === 'CLOSED' || state === 'REVOKED' || state === 'PAYERROR') return { state: 'closed' };
    return { state: 'unknown' };
  }

  async queryRefund(request: RefundQuery): Promise<RefundState> {
    const answer = await this.call(
      'GET',
      `/v3/refund/domestic/refunds/${encodeURIComponent(request.outRefundNo)}`,
    );
    if (answer.status === 404) return { state: 'unknown' };
    if (answer.status !== 200) throw new ProviderCallError(`refund query: ${answer.status}`);
    const { refund_id: refundId, status, out_refund_no: outRefundNo, out_trade_no: outTradeNo } = answer.json;
    if (outRefundNo !== request.outRefundNo || outTradeNo !== request.outTradeNo || !isText(refundId))
      throw new ProviderCallError('refund query answered for another refund');
    if (status === 'SUCCESS') return { state: 'succeeded', providerRefundId: refundId };
    if (status === 'CLOSED' || status === 'ABNORMAL')
      return { state: 'failed', providerRefundId: refundId, reason: `refund status ${status}` };
    if (status === 'PROCESSING') return { state: 'processing' };
    return { state: 'unknown' };
  }

  async statement(date: string): Promise<ProviderStatement> {
    const answer = await this.call('GET', `/v3/bill/tradebill?bill_date=${date}&bill_type=ALL`);
    if (answer.status !== 200 || this.merchant === undefined)
      throw new ProviderCallError(`tradebill refused: ${answer.status} ${String(answer.json.message)}`);
    const bill = tradeBillAnswer(answer.json);
    const timestamp = String(Math.floor(this.clock.now().getTime() / 1000));
    const authorization = authorizationHeader(
      this.merchant,
      'GET',
      bill.downloadPath,
      '',
      timestamp,
      nonceString(),
    );
    const bytes = await downloadTradeBill(
      this.env.WECHATPAY_BASE_URL,
      bill.downloadPath,
      authorization,
      this.env.PAYMENTS_PROVIDER_TIMEOUT_SECONDS,
    );
    verifyBillHash(bytes, bill.hashValue);
    return parseWechatTradeBill(bytes.toString('utf8'), date);
  }

  verifyNotice(callback: RawCallback, now: Date): NoticeCheck {
    if (!this.configured || this.platformKey === undefined)
      return { ok: false, outcome: 'bad_signature', detail: 'WeChat Pay is not configured' };
    const check = verifyPlatformSignature(
      {
        signature: headerValue(callback.headers, WECHATPAY_HEADERS.signature),
        timestamp: headerValue(callback.headers, WECHATPAY_HEADERS.timestamp),
        nonce: headerValue(callback.headers, WECHATPAY_HEADERS.nonce),
        serial: headerValue(callback.headers, WECHATPAY_HEADERS.serial),
      },
      callback.body,
      { serial: this.env.WECHATPAY_PLATFORM_SERIAL, publicKey: this.platformKey },
      now,
      this.env.PAYMENTS_CALLBACK_TOLERANCE_SECONDS,
    );
    if (!check.ok)
      return {
        ok: false,
        outcome: check.reason === 'stale' ? 'stale' : 'bad_signature',
        detail: `signature check: ${check.reason}`,
      };
    return this.readNotification(callback.body);
  }

  private readNotification(body: string): NoticeCheck {
    const malformed = (detail: string): NoticeCheck => ({ ok: false, outcome: 'malformed', detail });
    let notification: Notification;
    try {
      notification = JSON.parse(body) as Notification;
    } catch {
      return malformed('body is not JSON');
    }
    const resource = notification.resource;
    if (!isText(resource?.ciphertext) || !isText(resource.nonce) || !isText(resource.algorithm))
      return malformed('no encrypted resource');
    const plaintext = decryptResource(resource as EncryptedResource, this.env.WECHATPAY_APIV3_KEY);
    if (plaintext === undefined) return malformed('resource does not decrypt with the APIv3 key');
    let data: TransactionResource & RefundResource;
    try {
      data = JSON.parse(plaintext) as TransactionResource & RefundResource;
    } catch {
      return malformed('resource is not JSON');
    }
    if (data.mchid !== this.env.WECHATPAY_MCH_ID) return malformed('resource names another merchant');
    return this.noticeOf(String(notification.event_type), data) ?? malformed('resource fields missing');
  }

  private noticeOf(eventType: string, data: TransactionResource & RefundResource): NoticeCheck | undefined {
    if (eventType === 'TRANSACTION.SUCCESS') {
      const total = data.amount?.total;
      const paidAt = isText(data.success_time) ? new Date(data.success_time) : new Date(Number.NaN);
      if (
        !isText(data.out_trade_no) ||
        !isText(data.transaction_id) ||
        data.trade_state !== 'SUCCESS' ||
        typeof total !== 'number' ||
        !Number.isSafeInteger(total) ||
        Number.isNaN(paidAt.getTime())
      )
        return undefined;
      return {
        ok: true,
        notice: {
          kind: 'payment',
          outTradeNo: data.out_trade_no,
          providerTradeNo: data.transaction_id,
          amountFen: total,
          currency: String(data.amount?.currency),
          paidAt,
          payerChannel: payerChannelOf(data.bank_type),
        },
      };
    }
    if (eventType.startsWith('REFUND.')) {
      if (!isText(data.out_trade_no) || !isText(data.out_refund_no) || !isText(data.refund_id))
        return undefined;
      return {
        ok: true,
        notice: {
          kind: 'refund',
          outTradeNo: data.out_trade_no,
          outRefundNo: data.out_refund_no,
          providerRefundId: data.refund_id,
          succeeded: eventType === 'REFUND.SUCCESS' && data.refund_status === 'SUCCESS',
        },
      };
    }
    return { ok: true, notice: { kind: 'ignored', detail: `event ${eventType.slice(0, 40)}` } };
  }

  /** One signed call; the answer's platform signature is verified before its body is believed. */
  private async call(
    method: 'GET' | 'POST',
    path: string,
    payload?: object,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    if (this.merchant === undefined || this.platformKey === undefined)
      throw new ProviderCallError('WeChat Pay is not configured');
    const body = payload === undefined ? '' : JSON.stringify(payload);
    const timestamp = String(Math.floor(this.clock.now().getTime() / 1000));
    const response = await fetch(`${this.env.WECHATPAY_BASE_URL}${path}`, {
      method,
      headers: {
        authorization: authorizationHeader(this.merchant, method, path, body, timestamp, nonceString()),
        accept: 'application/json',
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { body }),
      signal: AbortSignal.timeout(this.env.PAYMENTS_PROVIDER_TIMEOUT_SECONDS * 1000),
    });
    const text = await response.text();
    const check = verifyPlatformSignature(
      {
        signature: response.headers.get(WECHATPAY_HEADERS.signature) ?? undefined,
        timestamp: response.headers.get(WECHATPAY_HEADERS.timestamp) ?? undefined,
        nonce: response.headers.get(WECHATPAY_HEADERS.nonce) ?? undefined,
        serial: response.headers.get(WECHATPAY_HEADERS.serial) ?? undefined,
      },
      text,
      { serial: this.env.WECHATPAY_PLATFORM_SERIAL, publicKey: this.platformKey },
      this.clock.now(),
      this.env.PAYMENTS_CALLBACK_TOLERANCE_SECONDS,
    );
    if (!check.ok)
      throw new ProviderCallError(`WeChat Pay answer not signed by the platform: ${check.reason}`);
    try {
      return {
        status: response.status,
        json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
      };
    } catch {
      throw new ProviderCallError('WeChat Pay answered with a body that is not JSON');
    }
  }
}
