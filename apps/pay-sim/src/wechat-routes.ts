import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { type CallbackBuilder, dispatch, type SimContext } from './sim-context';
import {
  beijingRfc3339,
  encryptResource,
  nonce,
  randomToken,
  sha256RsaSign,
  sha256RsaVerify,
} from './sim-crypto';
import type { SimTrade } from './sim-state';

interface RawBodyRequest extends FastifyRequest {
  rawBody?: string;
}

const AUTH = /^WECHATPAY2-SHA256-RSA2048 (.+)$/;

function authFields(header: string): Record<string, string> | undefined {
  const match = AUTH.exec(header);
  if (match === null) return undefined;
  const fields: Record<string, string> = {};
  const [, list = ''] = match;
  for (const part of list.split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0)
      fields[part.slice(0, eq).trim()] = part
        .slice(eq + 1)
        .trim()
        .replace(/^"|"$/g, '');
  }
  return fields;
}

/** Signs an answer as the platform does (Wechatpay-* headers over timestamp, nonce and body). */
export function signedReply(
  ctx: SimContext,
  reply: FastifyReply,
  status: number,
  payload: object | undefined,
): FastifyReply {
  const body = payload === undefined ? '' : JSON.stringify(payload);
  const timestamp = String(Math.floor(ctx.now().getTime() / 1000));
  const n = nonce();
  return reply
    .status(status)
    .header('content-type', 'application/json')
    .header('wechatpay-timestamp', timestamp)
    .header('wechatpay-nonce', n)
    .header('wechatpay-serial', ctx.env.WECHATPAY_PLATFORM_SERIAL)
    .header(
      'wechatpay-signature',
      sha256RsaSign(`${timestamp}\n${n}\n${body}\n`, ctx.keys.wechatPlatform.privateKey),
    )
    .send(body);
}

/** The merchant's Authorization: its mchid and serial, a fresh timestamp, and a signature over this request. */
export function authenticate(ctx: SimContext, request: FastifyRequest): string | undefined {
  const fields = authFields(
    typeof request.headers.authorization === 'string' ? request.headers.authorization : '',
  );
  if (fields === undefined) return 'Authorization is not WECHATPAY2-SHA256-RSA2048';
  const { mchid, nonce_str: n, signature, timestamp, serial_no: serial } = fields;
  if (mchid !== ctx.env.WECHATPAY_MCH_ID) return 'unknown mchid';
  if (serial !== ctx.env.WECHATPAY_MERCHANT_SERIAL) return 'unknown merchant certificate serial_no';
  if (!n || !signature || !timestamp || !/^\d+$/.test(timestamp)) return 'Authorization fields missing';
  if (Math.abs(ctx.now().getTime() / 1000 - Number(timestamp)) > ctx.env.PAYSIM_SIGNATURE_TOLERANCE_SECONDS)
    return 'timestamp outside the accepted window';
  const key = ctx.keys.wechatMerchant;
  const message = `${request.method}\n${request.url}\n${timestamp}\n${n}\n${(request as RawBodyRequest).rawBody ?? ''}\n`;
  if (key === undefined || !sha256RsaVerify(message, signature, key)) return 'signature does not verify';
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const wechatPaymentCallback =
  (ctx: SimContext): CallbackBuilder =>
  (trade, signedAt, amountDeltaFen) => {
    const resource = {
      mchid: ctx.env.WECHATPAY_MCH_ID,
      appid: ctx.env.WECHATPAY_APP_ID,
      out_trade_no: trade.outTradeNo,
      transaction_id: trade.transactionId,
      trade_type: 'NATIVE',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      bank_type: 'OTHERS',
      attach: '',
      success_time: beijingRfc3339(trade.paidAt ?? signedAt),
      payer: { openid: `sim-openid-${trade.token.slice(0, 8)}` },
      amount: {
        total: trade.amountFen + amountDeltaFen,
        payer_total: trade.amountFen + amountDeltaFen,
        currency: 'CNY',
        payer_currency: 'CNY',
      },
    };
    return wechatNotification(
      ctx,
      trade,
      'payment',
      'TRANSACTION.SUCCESS',
      'transaction',
      resource,
      signedAt,
    );
  };

function wechatNotification(
  ctx: SimContext,
  trade: SimTrade,
  kind: 'payment' | 'refund',
  eventType: string,
  originalType: string,
  resource: object,
  signedAt: Date,
): ReturnType<CallbackBuilder> {
  const body = JSON.stringify({
    id: randomToken(),
    create_time: beijingRfc3339(signedAt),
    event_type: eventType,
    resource_type: 'encrypt-resource',
    summary: kind === 'payment' ? '支付成功' : '退款成功',
    resource: encryptResource(
      JSON.stringify(resource),
      ctx.env.WECHATPAY_APIV3_KEY,
      originalType,
      originalType,
    ),
  });
  const timestamp = String(Math.floor(signedAt.getTime() / 1000));
  const n = nonce();
  const message = `${timestamp}\n${n}\n${body}\n`;
  const signature = ctx.state.control.wrongSignature
    ? ctx.state.forge(message)
    : sha256RsaSign(message, ctx.keys.wechatPlatform.privateKey);
  return {
    provider: 'wechat',
    kind,
    outTradeNo: trade.outTradeNo,
    url: trade.notifyUrl,
    contentType: 'application/json',
    body,
    headers: {
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': n,
      'wechatpay-signature': signature,
      'wechatpay-serial': ctx.env.WECHATPAY_PLATFORM_SERIAL,
    },
  };
}

/** WeChat Pay API v3: Native orders, order query, refunds (with their callbacks) and refund query. */
export function registerWechatRoutes(app: FastifyInstance, ctx: SimContext): void {
  const fail = (reply: FastifyReply, status: number, code: string, message: string): FastifyReply =>
    signedReply(ctx, reply, status, { code, message });

  app.post('/v3/pay/transactions/native', async (request, reply) => {
    const problem = authenticate(ctx, request);
    if (problem !== undefined) return fail(reply, 401, 'SIGN_ERROR', problem);
    const body = request.body;
    if (!isRecord(body) || !isRecord(body.amount))
      return fail(reply, 400, 'PARAM_ERROR', 'body must be JSON');
    const {
      appid,
      mchid,
      description,
      out_trade_no: outTradeNo,
      notify_url: notifyUrl,
      time_expire: expire,
    } = body;
    const total = body.amount.total;
    if (appid !== ctx.env.WECHATPAY_APP_ID || mchid !== ctx.env.WECHATPAY_MCH_ID)
      return fail(reply, 400, 'PARAM_ERROR', 'appid and mchid do not match');
    if (typeof outTradeNo !== 'string' || !/^[A-Za-z0-9_\-|*]{6,32}$/.test(outTradeNo))
      return fail(reply, 400, 'PARAM_ERROR', 'out_trade_no must be 6-32 characters');
    if (typeof description !== 'string' || description.length < 1 || description.length > 127)
      return fail(reply, 400, 'PARAM_ERROR', 'description must be 1-127 characters');
    if (typeof notifyUrl !== 'string' || !/^https?:\/\/\S+$/.test(notifyUrl))
      return fail(reply, 400, 'PARAM_ERROR', 'notify_url must be a URL');
    if (
      typeof total !== 'number' ||
      !Number.isSafeInteger(total) ||
      total < 1 ||
      body.amount.currency !== 'CNY'
    )
      return fail(reply, 400, 'PARAM_ERROR', 'amount.total must be a positive integer in fen, currency CNY');
    const expiresAt = typeof expire === 'string' ? new Date(expire) : undefined;
    const existing = ctx.state.find('wechat', outTradeNo);
    if (existing?.status === 'SUCCESS') return fail(reply, 400, 'ORDERPAID', 'order already paid');
    if (existing !== undefined && existing.amountFen !== total)
      return fail(reply, 400, 'INVALID_REQUEST', 'out_trade_no already used with another amount');
    const trade =
      existing ??
      ctx.state.add({ provider: 'wechat', outTradeNo, amountFen: total, description, notifyUrl, expiresAt });
    return signedReply(ctx, reply, 200, { code_url: `${ctx.env.PAYSIM_PUBLIC_URL}/pay/${trade.token}` });
  });

  app.get('/v3/pay/transactions/out-trade-no/:outTradeNo', async (request, reply) => {
    const problem = authenticate(ctx, request);
    if (problem !== undefined) return fail(reply, 401, 'SIGN_ERROR', problem);
    const trade = ctx.state.find('wechat', (request.params as { outTradeNo: string }).outTradeNo);
    if (trade === undefined) return fail(reply, 404, 'ORDER_NOT_EXIST', 'no such order');
    return signedReply(ctx, reply, 200, {
      appid: ctx.env.WECHATPAY_APP_ID,
      mchid: ctx.env.WECHATPAY_MCH_ID,
      out_trade_no: trade.outTradeNo,
      ...(trade.transactionId === undefined ? {} : { transaction_id: trade.transactionId }),
      trade_state: trade.status,
      ...(trade.paidAt === undefined ? {} : { success_time: beijingRfc3339(trade.paidAt) }),
      amount: { total: trade.amountFen, currency: 'CNY' },
    });
  });

  app.get('/v3/refund/domestic/refunds/:outRefundNo', async (request, reply) => {
    const problem = authenticate(ctx, request);
    if (problem !== undefined) return fail(reply, 401, 'SIGN_ERROR', problem);
    const outRefundNo = (request.params as { outRefundNo: string }).outRefundNo;
    const found = ctx.state.findRefund('wechat', outRefundNo);
    if (found === undefined) return fail(reply, 404, 'RESOURCE_NOT_EXISTS', 'no such refund');
    const { trade, refund } = found;
    // The simulator settles a refund as soon as it is taken (its callback follows at once or is held).
    return signedReply(ctx, reply, 200, {
      refund_id: refund.refundId,
      out_refund_no: refund.outRefundNo,
      transaction_id: trade.transactionId,
      out_trade_no: trade.outTradeNo,
      channel: 'ORIGINAL',
      status: 'SUCCESS',
      success_time: beijingRfc3339(ctx.now()),
      amount: {
        total: trade.amountFen,
        refund: refund.amountFen,
        payer_total: trade.amountFen,
        payer_refund: refund.amountFen,
        currency: 'CNY',
      },
    });
  });

  app.post('/v3/refund/domestic/refunds', async (request, reply) => {
    const problem = authenticate(ctx, request);
    if (problem !== undefined) return fail(reply, 401, 'SIGN_ERROR', problem);
    const body = request.body;
    if (!isRecord(body) || !isRecord(body.amount))
      return fail(reply, 400, 'PARAM_ERROR', 'body must be JSON');
    const { out_trade_no: outTradeNo, out_refund_no: outRefundNo, notify_url: notifyUrl } = body;
    const { refund, total } = body.amount;
    if (typeof outTradeNo !== 'string' || typeof outRefundNo !== 'string' || typeof notifyUrl !== 'string')
      return fail(reply, 400, 'PARAM_ERROR', 'out_trade_no, out_refund_no and notify_url are required');
    const trade = ctx.state.find('wechat', outTradeNo);
    if (trade?.status !== 'SUCCESS')
      return fail(reply, 404, 'RESOURCE_NOT_EXISTS', 'no paid order with this out_trade_no');
    if (total !== trade.amountFen)
      return fail(reply, 400, 'PARAM_ERROR', 'amount.total is not the order total');
    const same = trade.refunds.find((r) => r.outRefundNo === outRefundNo);
    const refunded = trade.refunds.reduce((sum, r) => sum + r.amountFen, 0);
    if (
      same === undefined &&
      (typeof refund !== 'number' ||
        !Number.isSafeInteger(refund) ||
        refund < 1 ||
        refund + refunded > trade.amountFen)
    )
      return fail(reply, 400, 'NOT_ENOUGH', 'refund exceeds what is left of the order');
    const record = same ?? {
      outRefundNo,
      refundId: `50${randomToken(14)}`,
      amountFen: refund as number,
      at: ctx.now(),
    };
    if (same === undefined) trade.refunds.push(record);
    const answer = {
      refund_id: record.refundId,
      out_refund_no: record.outRefundNo,
      transaction_id: trade.transactionId,
      out_trade_no: trade.outTradeNo,
      channel: 'ORIGINAL',
      status: 'PROCESSING',
      create_time: beijingRfc3339(ctx.now()),
      amount: {
        total: trade.amountFen,
        refund: record.amountFen,
        payer_total: trade.amountFen,
        payer_refund: record.amountFen,
        currency: 'CNY',
      },
    };
    if (same === undefined) {
      const build: CallbackBuilder = (t, signedAt) =>
        wechatNotification(
          ctx,
          { ...t, notifyUrl },
          'refund',
          'REFUND.SUCCESS',
          'refund',
          {
            mchid: ctx.env.WECHATPAY_MCH_ID,
            out_trade_no: t.outTradeNo,
            transaction_id: t.transactionId,
            out_refund_no: record.outRefundNo,
            refund_id: record.refundId,
            refund_status: 'SUCCESS',
            success_time: beijingRfc3339(signedAt),
            amount: {
              total: t.amountFen,
              refund: record.amountFen,
              payer_total: t.amountFen,
              payer_refund: record.amountFen,
            },
          },
          signedAt,
        );
      setImmediate(() => void dispatch(ctx, trade, build));
    }
    return signedReply(ctx, reply, 200, answer);
  });
}
