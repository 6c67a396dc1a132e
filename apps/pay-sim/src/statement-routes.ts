import { createHash } from 'node:crypto';

import type { FastifyInstance } from 'fastify';

import type { SimContext } from './sim-context';
import { randomToken } from './sim-crypto';
import type { Provider } from './sim-state';
import {
  alipayDetailCsv,
  alipaySummaryCsv,
  beijingDate,
  billRows,
  damaged,
  extraNumbers,
  type StatementEdit,
  wechatTradeBill,
} from './statement-bills';
import { encodeGbk } from './statement-gbk';
import { writeZip } from './statement-zip';
import { authenticate, signedReply } from './wechat-routes';

export const ALIPAY_BILL_METHOD = 'alipay.data.dataservice.bill.downloadurl.query';

/** Download links live this long, as the providers' do (WeChat: 30 s; Alipay: 30 s). */
const DOWNLOAD_TTL_MS = 30_000;

interface Download {
  readonly bytes: Buffer;
  readonly expiresAt: number;
}

/** The statement side of one simulator: the edits asked for and the files waiting to be downloaded. */
interface StatementDesk {
  edits: StatementEdit[];
  readonly downloads: Map<string, Download>;
}

const desks = new WeakMap<SimContext, StatementDesk>();

function deskOf(ctx: SimContext): StatementDesk {
  let desk = desks.get(ctx);
  if (desk === undefined) {
    desk = { edits: [], downloads: new Map() };
    desks.set(ctx, desk);
  }
  return desk;
}

/** A bill date the provider can answer: a real calendar day, not after today (Beijing). */
function billDateProblem(ctx: SimContext, date: unknown): string | undefined {
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'bill_date must be YYYY-MM-DD';
  const at = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== date) return 'bill_date is not a day';
  if (date > beijingDate(ctx.now())) return 'bill_date is in the future';
  return undefined;
}

function keep(ctx: SimContext, bytes: Buffer): string {
  const desk = deskOf(ctx);
  const now = ctx.now().getTime();
  for (const [token, download] of desk.downloads) if (download.expiresAt < now) desk.downloads.delete(token);
  const token = randomToken(20);
  desk.downloads.set(token, { bytes, expiresAt: now + DOWNLOAD_TTL_MS });
  return token;
}

function take(ctx: SimContext, token: unknown): Buffer | undefined {
  if (typeof token !== 'string') return undefined;
  const download = deskOf(ctx).downloads.get(token);
  return download !== undefined && download.expiresAt >= ctx.now().getTime() ? download.bytes : undefined;
}

const corrupting = (ctx: SimContext, provider: Provider): boolean =>
  deskOf(ctx).edits.some((e) => e.kind === 'corrupt_file' && e.provider === provider);

const alipayAccount = (ctx: SimContext): string =>
  `2088${ctx.env.ALIPAY_APP_ID.slice(-12).padStart(12, '0')}`;

/** Alipay's answer to bill.downloadurl.query: a short-lived URL of the day's zip (GBK detail and summary). */
export function alipayBillAnswer(ctx: SimContext, biz: Record<string, unknown>): Record<string, unknown> {
  const date = biz.bill_date;
  const problem = biz.bill_type === 'trade' ? billDateProblem(ctx, date) : 'bill_type must be trade';
  if (problem !== undefined || typeof date !== 'string')
    return { code: '40004', msg: 'Business Failed', sub_code: 'isp.bill_not_exist', sub_msg: problem };
  const now = ctx.now();
  const rows = billRows(ctx.state, deskOf(ctx).edits, 'alipay', date);
  const account = alipayAccount(ctx);
  const day = date.replaceAll('-', '');
  const zip = writeZip(
    [
      {
        name: encodeGbk(`${account}_${day}_业务明细.csv`),
        utf8Name: false,
        data: encodeGbk(alipayDetailCsv(rows, account, date, now)),
      },
      {
        name: encodeGbk(`${account}_${day}_业务明细(汇总).csv`),
        utf8Name: false,
        data: encodeGbk(alipaySummaryCsv(rows, account, date, now)),
      },
    ],
    now,
  );
  // The first byte of the detail member's deflated data: its CRC-32 (or inflation) must then fail.
  const token = keep(ctx, corrupting(ctx, 'alipay') ? damaged(zip, 30 + zip.readUInt16LE(26)) : zip);
  const query = new URLSearchParams({
    bizType: 'trade',
    userId: account,
    fileType: 'csv.zip',
    bizDates: day,
    downloadFileName: `${account}_${day}.csv.zip`,
    timestamp: String(now.getTime()),
    token,
  });
  return {
    code: '10000',
    msg: 'Success',
    bill_download_url: `${ctx.env.PAYSIM_PUBLIC_URL}/downloadBillFile.resource?${query.toString()}`,
  };
}

function editFrom(ctx: SimContext, body: unknown): StatementEdit | string {
  if (typeof body !== 'object' || body === null) return 'body must be a JSON object';
  const input = body as Record<string, unknown>;
  const provider = input.provider;
  if (provider !== 'wechat' && provider !== 'alipay') return 'provider must be wechat or alipay';
  const p: Provider = provider;
  const text = (name: string): string | undefined =>
    typeof input[name] === 'string' && input[name].length > 0 ? input[name] : undefined;
  const amount = input.amountFen;
  const amountFen =
    typeof amount === 'number' && Number.isSafeInteger(amount) && amount > 0 ? amount : undefined;
  const outTradeNo = text('outTradeNo');
  const outRefundNo = text('outRefundNo');
  const status = text('status');
  const at = ctx.now();
  const numbers = extraNumbers(p);
  switch (input.kind) {
    case 'extra_trade':
      return amountFen === undefined
        ? 'amountFen must be a positive integer'
        : {
            kind: 'extra_trade',
            provider: p,
            outTradeNo: numbers.outTradeNo,
            transactionId: numbers.transactionId,
            amountFen,
            at,
          };
    case 'amount':
      return outTradeNo === undefined || amountFen === undefined
        ? 'outTradeNo and amountFen are required'
        : { kind: 'amount', provider: p, outTradeNo, amountFen };
    case 'omit':
      return outTradeNo === undefined ? 'outTradeNo is required' : { kind: 'omit', provider: p, outTradeNo };
    case 'status':
      return outTradeNo === undefined || status === undefined
        ? 'outTradeNo and status are required'
        : { kind: 'status', provider: p, outTradeNo, status };
    case 'refund_amount':
      return outRefundNo === undefined || amountFen === undefined
        ? 'outRefundNo and amountFen are required'
        : { kind: 'refund_amount', provider: p, outRefundNo, amountFen };
    case 'omit_refund':
      return outRefundNo === undefined
        ? 'outRefundNo is required'
        : { kind: 'omit_refund', provider: p, outRefundNo };
    case 'refund_status':
      return outRefundNo === undefined || status === undefined
        ? 'outRefundNo and status are required'
        : { kind: 'refund_status', provider: p, outRefundNo, status };
    case 'corrupt_file':
      return { kind: 'corrupt_file', provider: p };
    case 'extra_refund':
      return outTradeNo === undefined || amountFen === undefined
        ? 'outTradeNo and amountFen are required'
        : {
            kind: 'extra_refund',
            provider: p,
            outTradeNo,
            outRefundNo: numbers.outRefundNo,
            refundId: numbers.refundId,
            amountFen,
            at,
          };
    default:
      return 'kind must be extra_trade, amount, omit, status, refund_amount, omit_refund, refund_status, extra_refund or corrupt_file';
  }
}

/**
 * Daily statements (see CONTRACT.md): WeChat Pay's trade bill (GET /v3/bill/tradebill, signed, then the file
 * whose SHA1 it gave) and Alipay's zipped GBK detail (bill.downloadurl.query on the gateway), built from the
 * recorded trades and refunds; POST /sim/statement makes the next statements differ on purpose.
 */
export function registerStatementRoutes(app: FastifyInstance, ctx: SimContext): void {
  app.get('/v3/bill/tradebill', (request, reply) => {
    const problem = authenticate(ctx, request);
    if (problem !== undefined) return signedReply(ctx, reply, 401, { code: 'SIGN_ERROR', message: problem });
    const query = request.query as Record<string, unknown>;
    const dateProblem = billDateProblem(ctx, query.bill_date);
    if (dateProblem !== undefined)
      return signedReply(ctx, reply, 400, { code: 'PARAM_ERROR', message: dateProblem });
    if (query.bill_type !== undefined && query.bill_type !== 'ALL')
      return signedReply(ctx, reply, 400, {
        code: 'PARAM_ERROR',
        message: 'only bill_type ALL is simulated',
      });
    const rows = billRows(ctx.state, deskOf(ctx).edits, 'wechat', query.bill_date as string);
    const bytes = Buffer.from(
      wechatTradeBill(rows, ctx.env.WECHATPAY_MCH_ID, ctx.env.WECHATPAY_APP_ID),
      'utf8',
    );
    const token = keep(ctx, corrupting(ctx, 'wechat') ? damaged(bytes) : bytes);
    return signedReply(ctx, reply, 200, {
      hash_type: 'SHA1',
      hash_value: createHash('sha1').update(bytes).digest('hex'),
      download_url: `${ctx.env.PAYSIM_PUBLIC_URL}/v3/billdownload/file?token=${token}`,
    });
  });

  app.get('/v3/billdownload/file', (request, reply) => {
    const problem = authenticate(ctx, request);
    if (problem !== undefined) return signedReply(ctx, reply, 401, { code: 'SIGN_ERROR', message: problem });
    const bytes = take(ctx, (request.query as Record<string, unknown>).token);
    if (bytes === undefined)
      return signedReply(ctx, reply, 400, { code: 'PARAM_ERROR', message: 'token expired or unknown' });
    return reply.header('content-type', 'application/octet-stream').send(bytes);
  });

  app.get('/downloadBillFile.resource', (request, reply) => {
    const bytes = take(ctx, (request.query as Record<string, unknown>).token);
    if (bytes === undefined)
      return reply.status(404).header('content-type', 'text/plain; charset=utf-8').send('file expired');
    return reply.header('content-type', 'application/zip').send(bytes);
  });

  app.post('/sim/statement', (request, reply) => {
    const edit = editFrom(ctx, request.body);
    if (typeof edit === 'string') return reply.status(400).send({ error: 'invalid', message: edit });
    deskOf(ctx).edits.push(edit);
    return reply.send({ edits: deskOf(ctx).edits.length });
  });

  app.delete('/sim/statement', (_request, reply) => {
    deskOf(ctx).edits = [];
    return reply.send({ edits: 0 });
  });
}
