import type { KeyObject } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { PaymentsEnv } from '../../config/payments.env';
import { fenToYuan, yuanToFen } from '../../order/domain/money';
import { alipayFundChannels } from '../payer-channel';
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
import { privateKeyFrom, publicKeyFrom } from '../provider-keys';
import type { ProviderStatement } from '../provider-statement';
import {
  alipayTimestamp,
  parseAlipayTimestamp,
  responseNodeText,
  rsa2Verify,
  signRequest,
  verifyNotification,
} from './alipay.protocol';
import { ALIPAY_BILL_METHOD, billDownloadUrl, downloadAlipayBill, readAlipayBill } from './alipay.statement';

export const ALIPAY_CALLBACK_PATH = '/api/payments/callbacks/alipay';

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** Alipay adapter: QR (precreate) and page payment, refund, trade query, verified asynchronous notifications. */
@Injectable()
export class AlipayProvider implements PaymentProvider {
  readonly name = 'alipay' as const;
  readonly methods: readonly CheckoutMethod[] = ['precreate', 'page'];
  private readonly appKey?: KeyObject;
  private readonly alipayKey?: KeyObject;

  constructor(
    private readonly env: PaymentsEnv,
    private readonly clock: Clock,
  ) {
    this.appKey = privateKeyFrom(env.ALIPAY_APP_PRIVATE_KEY);
    this.alipayKey = publicKeyFrom(env.ALIPAY_PUBLIC_KEY);
  }

  get configured(): boolean {
    return this.appKey !== undefined && this.alipayKey !== undefined;
  }

  async checkout(request: CheckoutRequest): Promise<Checkout> {
    const biz = {
      out_trade_no: request.outTradeNo,
      total_amount: fenToYuan(request.amountFen),
      subject: request.description,
      time_expire: alipayTimestamp(request.expiresAt),
    };
    if (request.method === 'page') {
      const params = this.signed('alipay.trade.page.pay', { ...biz, product_code: 'FAST_INSTANT_TRADE_PAY' });
      return { payUrl: `${this.env.ALIPAY_GATEWAY_URL}?${new URLSearchParams(params).toString()}` };
    }
    const answer = await this.call('alipay.trade.precreate', biz);
    if (answer.code !== '10000' || !isText(answer.qr_code))
      throw new ProviderCallError(`precreate refused: ${String(answer.code)} ${String(answer.sub_code)}`);
    return { codeUrl: answer.qr_code };
  }

  async refund(request: RefundSubmission): Promise<RefundAnswer> {
    const answer = await this.call('alipay.trade.refund', {
      out_trade_no: request.outTradeNo,
      refund_amount: fenToYuan(request.refundFen),
      refund_reason: request.reason,
      out_request_no: request.outRefundNo,
    });
    if (answer.code === '10000' && isText(answer.trade_no))
      return { status: 'succeeded', providerRefundId: `${answer.trade_no}:${request.outRefundNo}` };
    if (answer.code === '40004')
      return {
        status: 'failed',
        reason: `${String(answer.sub_code)}: ${String(answer.sub_msg)}`.slice(0, 200),
      };
    throw new ProviderCallError(`refund: ${String(answer.code)}`);
  }

  async query(outTradeNo: string): Promise<TradeState> {
    const answer = await this.call('alipay.trade.query', { out_trade_no: outTradeNo });
    if (answer.code !== '10000') return { state: 'unknown' };
    if (answer.out_trade_no !== outTradeNo)
      throw new ProviderCallError('trade query answered for another trade');
    const amountFen = isText(answer.total_amount) ? yuanToFen(answer.total_amount) : undefined;
    const status = answer.trade_status;
    if (status === 'TRADE_SUCCESS' || status === 'TRADE_FINISHED') {
      const paidAt = isText(answer.send_pay_date) ? parseAlipayTimestamp(answer.send_pay_date) : undefined;
      if (!isText(answer.trade_no) || amountFen === undefined || paidAt === undefined)
        throw new ProviderCallError('trade query: a paid trade without its number, amount or time');
      return { state: 'paid', providerTradeNo: answer.trade_no, amountFen, currency: 'CNY', paidAt };
    }
    if (status === 'WAIT_BUYER_PAY') return { state: 'pending' };
    if (status === 'TRADE_CLOSED') return { state: 'closed' };
    return { state: 'unknown' };
  }

  /** alipay.trade.fastpay.refund.query: an empty success (no refund_amount) means Alipay has no such refund. */
  async queryRefund(request: RefundQuery): Promise<RefundState> {
    const answer = await this.call('alipay.trade.fastpay.refund.query', {
      out_trade_no: request.outTradeNo,
      out_request_no: request.outRefundNo,
      query_options: ['gmt_refund_pay'],
    });
    if (answer.code !== '10000' || !isText(answer.refund_amount)) return { state: 'unknown' };
    if (answer.out_trade_no !== request.outTradeNo || answer.out_request_no !== request.outRefundNo)
      throw new ProviderCallError('refund query answered for another refund');
    if (!isText(answer.trade_no)) throw new ProviderCallError('refund query: no trade_no');
    const providerRefundId = `${answer.trade_no}:${request.outRefundNo}`;
    const status = answer.refund_status;
    // Alipay leaves refund_status out for a refund that succeeded synchronously on older accounts.
    if (status === undefined || status === 'REFUND_SUCCESS') return { state: 'succeeded', providerRefundId };
    return { state: 'processing' };
  }

  async statement(date: string): Promise<ProviderStatement> {
    const answer = await this.call(ALIPAY_BILL_METHOD, { bill_type: 'trade', bill_date: date });
    const url = billDownloadUrl(answer, this.env.ALIPAY_GATEWAY_URL);
    return readAlipayBill(await downloadAlipayBill(url, this.env.PAYMENTS_PROVIDER_TIMEOUT_SECONDS), date);
  }

  verifyNotice(callback: RawCallback, now: Date): NoticeCheck {
    const params = callback.form;
    if (this.alipayKey === undefined || !verifyNotification(params, this.alipayKey))
      return { ok: false, outcome: 'bad_signature', detail: 'RSA2 signature does not verify' };
    const notifiedAt = parseAlipayTimestamp(params.notify_time ?? '');
    if (
      notifiedAt === undefined ||
      Math.abs(now.getTime() - notifiedAt.getTime()) > this.env.PAYMENTS_CALLBACK_TOLERANCE_SECONDS * 1000
    )
      return { ok: false, outcome: 'stale', detail: 'notify_time outside the accepted window' };
    if (params.app_id !== this.env.ALIPAY_APP_ID)
      return { ok: false, outcome: 'malformed', detail: 'notification for another app_id' };
    const outTradeNo = params.out_trade_no;
    const tradeNo = params.trade_no;
    if (!isText(outTradeNo) || !isText(tradeNo))
      return { ok: false, outcome: 'malformed', detail: 'out_trade_no or trade_no missing' };
    if (isText(params.out_biz_no) && isText(params.refund_fee))
      return {
        ok: true,
        notice: {
          kind: 'refund',
          outTradeNo,
          outRefundNo: params.out_biz_no,
          providerRefundId: `${tradeNo}:${params.out_biz_no}`,
          succeeded: true,
        },
      };
    const status = params.trade_status;
    if (status !== 'TRADE_SUCCESS' && status !== 'TRADE_FINISHED')
      return { ok: true, notice: { kind: 'ignored', detail: `trade_status ${String(status).slice(0, 32)}` } };
    const amountFen = yuanToFen(params.total_amount ?? '');
    const paidAt = parseAlipayTimestamp(params.gmt_payment ?? '') ?? notifiedAt;
    if (amountFen === undefined)
      return { ok: false, outcome: 'malformed', detail: 'total_amount is not yuan' };
    return {
      ok: true,
      notice: {
        kind: 'payment',
        outTradeNo,
        providerTradeNo: tradeNo,
        amountFen,
        currency: 'CNY',
        paidAt,
        payerChannel: alipayFundChannels(params.fund_bill_list),
      },
    };
  }

  private signed(method: string, biz: object): Record<string, string> {
    if (this.appKey === undefined) throw new ProviderCallError('Alipay is not configured');
    return signRequest(
      {
        app_id: this.env.ALIPAY_APP_ID,
        method,
        format: 'JSON',
        charset: 'utf-8',
        sign_type: 'RSA2',
        timestamp: alipayTimestamp(this.clock.now()),
        version: '1.0',
        notify_url: `${this.env.PAYMENTS_NOTIFY_BASE_URL}${ALIPAY_CALLBACK_PATH}`,
        biz_content: JSON.stringify(biz),
      },
      this.appKey,
    );
  }

  /** One gateway call; the response node's RSA2 signature is verified before it is believed. */
  private async call(method: string, biz: object): Promise<Record<string, unknown>> {
    if (this.alipayKey === undefined) throw new ProviderCallError('Alipay is not configured');
    const response = await fetch(this.env.ALIPAY_GATEWAY_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(this.signed(method, biz)).toString(),
      signal: AbortSignal.timeout(this.env.PAYMENTS_PROVIDER_TIMEOUT_SECONDS * 1000),
    });
    const text = await response.text();
    const nodeName = `${method.replaceAll('.', '_')}_response`;
    const node = responseNodeText(text, nodeName);
    let parsed: { sign?: unknown } & Record<string, unknown>;
    try {
      parsed = JSON.parse(text) as { sign?: unknown } & Record<string, unknown>;
    } catch {
      throw new ProviderCallError('Alipay answered with a body that is not JSON');
    }
    if (node === undefined || !isText(parsed.sign) || !rsa2Verify(node, parsed.sign, this.alipayKey))
      throw new ProviderCallError('Alipay answer not signed by Alipay');
    return parsed[nodeName] as Record<string, unknown>;
  }
}
