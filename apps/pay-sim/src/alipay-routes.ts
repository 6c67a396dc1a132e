import type { FastifyInstance, FastifyReply } from 'fastify';

import { payPage } from './pay-page';
import { type CallbackBuilder, type SimContext } from './sim-context';
import {
  alipayContent,
  beijingTime,
  fenToYuan,
  parseBeijingTime,
  randomToken,
  sha256RsaSign,
  sha256RsaVerify,
  yuanToFen,
} from './sim-crypto';
import { ALIPAY_BILL_METHOD, alipayBillAnswer } from './statement-routes';

/** Alipay accepts request timestamps within a quarter of an hour of its own clock. */
const REQUEST_TIMESTAMP_WINDOW_MS = 15 * 60_000;

type Params = Readonly<Partial<Record<string, string>>>;

/** The application's RSA2 signature over every parameter but `sign`, its app_id, and a plausible timestamp. */
function checkRequest(ctx: SimContext, params: Params): string | undefined {
  if (params.app_id !== ctx.env.ALIPAY_APP_ID) return 'isv.invalid-app-id';
  if (params.sign_type !== 'RSA2') return 'isv.invalid-signature-type';
  const key = ctx.keys.alipayApp;
  if (
    key === undefined ||
    !params.sign ||
    !sha256RsaVerify(alipayContent(params, ['sign']), params.sign, key)
  )
    return 'isv.invalid-signature';
  const at = parseBeijingTime(params.timestamp ?? '');
  if (at === undefined || Math.abs(ctx.now().getTime() - at.getTime()) > REQUEST_TIMESTAMP_WINDOW_MS)
    return 'isv.invalid-timestamp';
  return undefined;
}

function bizOf(params: Params): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(params.biz_content ?? '');
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export const alipayPaymentCallback =
  (ctx: SimContext): CallbackBuilder =>
  (trade, signedAt, amountDeltaFen) => {
    const amount = fenToYuan(trade.amountFen + amountDeltaFen);
    const paidAt = beijingTime(trade.paidAt ?? signedAt);
    const params: Record<string, string> = {
      notify_time: beijingTime(signedAt),
      notify_type: 'trade_status_sync',
      notify_id: randomToken(),
      app_id: ctx.env.ALIPAY_APP_ID,
      charset: 'utf-8',
      version: '1.0',
      trade_no: trade.transactionId ?? '',
      out_trade_no: trade.outTradeNo,
      trade_status: 'TRADE_SUCCESS',
      total_amount: amount,
      receipt_amount: amount,
      buyer_pay_amount: amount,
      subject: trade.description,
      gmt_create: beijingTime(signedAt),
      gmt_payment: paidAt,
    };
    const content = alipayContent(params, ['sign', 'sign_type']);
    const sign = ctx.state.control.wrongSignature
      ? ctx.state.forge(content)
      : sha256RsaSign(content, ctx.keys.alipay.privateKey);
    return {
      provider: 'alipay',
      kind: 'payment',
      outTradeNo: trade.outTradeNo,
      url: trade.notifyUrl,
      contentType: 'application/x-www-form-urlencoded; charset=utf-8',
      body: new URLSearchParams({ ...params, sign_type: 'RSA2', sign }).toString(),
      headers: {},
    };
  };

/** Alipay's gateway: precreate (QR), page pay, refund, query, refund query; answers signed over the response node. */
export function registerAlipayRoutes(app: FastifyInstance, ctx: SimContext): void {
  const answer = (reply: FastifyReply, method: string, node: Record<string, unknown>): FastifyReply => {
    const text = JSON.stringify(node);
    const name = `${method.replaceAll('.', '_')}_response`;
    const sign = sha256RsaSign(text, ctx.keys.alipay.privateKey);
    return reply
      .header('content-type', 'application/json;charset=utf-8')
      .send(`{"${name}":${text},"sign":"${sign}"}`);
  };
  const refused = (
    reply: FastifyReply,
    method: string,
    code: string,
    subCode: string,
    subMsg: string,
  ): FastifyReply =>
    answer(reply, method, {
      code,
      msg: code === '40002' ? 'Invalid Arguments' : 'Business Failed',
      sub_code: subCode,
      sub_msg: subMsg,
    });

  app.get('/gateway.do', async (request, reply) => {
    const params = request.query as Params;
    const problem = checkRequest(ctx, params);
    if (problem !== undefined || params.method !== 'alipay.trade.page.pay')
      return reply
        .status(400)
        .header('content-type', 'text/plain; charset=utf-8')
        .send(`refused: ${problem ?? 'method'}`);
    const biz = bizOf(params);
    const amountFen = yuanToFen(str(biz?.total_amount));
    if (biz === undefined || amountFen === undefined || !str(biz.out_trade_no))
      return reply.status(400).send('refused: biz_content');
    const outTradeNo = str(biz.out_trade_no);
    const trade =
      ctx.state.find('alipay', outTradeNo) ??
      ctx.state.add({
        provider: 'alipay',
        outTradeNo,
        amountFen,
        description: str(biz.subject),
        notifyUrl: params.notify_url ?? '',
        expiresAt: parseBeijingTime(str(biz.time_expire)),
      });
    return reply.header('content-type', 'text/html; charset=utf-8').send(payPage(trade));
  });

  app.post('/gateway.do', async (request, reply) => {
    const params = (request.body ?? {}) as Params;
    const method = params.method ?? 'alipay.unknown';
    const problem = checkRequest(ctx, params);
    if (problem !== undefined) return refused(reply, method, '40002', problem, 'request refused');
    const biz = bizOf(params);
    if (biz === undefined)
      return refused(reply, method, '40002', 'isv.missing-biz-content', 'biz_content is not JSON');
    const outTradeNo = str(biz.out_trade_no);
    if (method === 'alipay.trade.precreate') {
      const amountFen = yuanToFen(str(biz.total_amount));
      if (!/^[A-Za-z0-9_]{1,64}$/.test(outTradeNo) || amountFen === undefined || amountFen < 1)
        return refused(
          reply,
          method,
          '40004',
          'ACQ.INVALID_PARAMETER',
          'out_trade_no or total_amount invalid',
        );
      const existing = ctx.state.find('alipay', outTradeNo);
      if (existing?.status === 'SUCCESS')
        return refused(reply, method, '40004', 'ACQ.TRADE_HAS_SUCCESS', 'paid');
      const trade =
        existing ??
        ctx.state.add({
          provider: 'alipay',
          outTradeNo,
          amountFen,
          description: str(biz.subject),
          notifyUrl: params.notify_url ?? '',
          expiresAt: parseBeijingTime(str(biz.time_expire)),
        });
      return answer(reply, method, {
        code: '10000',
        msg: 'Success',
        out_trade_no: outTradeNo,
        qr_code: `${ctx.env.PAYSIM_PUBLIC_URL}/pay/${trade.token}`,
      });
    }
    if (method === ALIPAY_BILL_METHOD) return answer(reply, method, alipayBillAnswer(ctx, biz));
    const trade = ctx.state.find('alipay', outTradeNo);
    if (trade === undefined) return refused(reply, method, '40004', 'ACQ.TRADE_NOT_EXIST', 'no such trade');
    if (method === 'alipay.trade.query')
      return answer(reply, method, {
        code: '10000',
        msg: 'Success',
        out_trade_no: outTradeNo,
        trade_no: trade.transactionId ?? '',
        trade_status:
          trade.status === 'SUCCESS'
            ? 'TRADE_SUCCESS'
            : trade.status === 'CLOSED'
              ? 'TRADE_CLOSED'
              : 'WAIT_BUYER_PAY',
        total_amount: fenToYuan(trade.amountFen),
        ...(trade.paidAt === undefined ? {} : { send_pay_date: beijingTime(trade.paidAt) }),
      });
    if (method === 'alipay.trade.fastpay.refund.query') {
      const requestNo = str(biz.out_request_no) || outTradeNo;
      const refund = trade.refunds.find((r) => r.outRefundNo === requestNo);
      // Alipay answers an unknown refund with a bare success: no refund_amount, no refund_status.
      if (refund === undefined)
        return answer(reply, method, { code: '10000', msg: 'Success', out_trade_no: outTradeNo });
      return answer(reply, method, {
        code: '10000',
        msg: 'Success',
        trade_no: trade.transactionId ?? '',
        out_trade_no: outTradeNo,
        out_request_no: requestNo,
        total_amount: fenToYuan(trade.amountFen),
        refund_amount: fenToYuan(refund.amountFen),
        refund_status: 'REFUND_SUCCESS',
      });
    }
    if (method === 'alipay.trade.refund') {
      if (trade.status !== 'SUCCESS')
        return refused(reply, method, '40004', 'ACQ.TRADE_STATUS_ERROR', 'not paid');
      const requestNo = str(biz.out_request_no) || outTradeNo;
      const amountFen = yuanToFen(str(biz.refund_amount));
      const same = trade.refunds.find((r) => r.outRefundNo === requestNo);
      const refunded = trade.refunds.reduce((sum, r) => sum + r.amountFen, 0);
      if (same === undefined) {
        if (amountFen === undefined || amountFen < 1 || amountFen + refunded > trade.amountFen)
          return refused(
            reply,
            method,
            '40004',
            'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL',
            'refund exceeds what is left',
          );
        trade.refunds.push({ outRefundNo: requestNo, refundId: requestNo, amountFen, at: ctx.now() });
      }
      return answer(reply, method, {
        code: '10000',
        msg: 'Success',
        trade_no: trade.transactionId ?? '',
        out_trade_no: outTradeNo,
        buyer_logon_id: 'sim***@example.com',
        fund_change: same === undefined ? 'Y' : 'N',
        refund_fee: fenToYuan(trade.refunds.reduce((sum, r) => sum + r.amountFen, 0)),
      });
    }
    return refused(
      reply,
      method,
      '40004',
      'isv.invalid-method',
      `method ${method.slice(0, 40)} is not simulated`,
    );
  });
}
