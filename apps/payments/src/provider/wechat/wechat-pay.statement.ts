import { createHash, timingSafeEqual } from 'node:crypto';

import {
  beijingStatementTime,
  billYuanToFen,
  MAX_STATEMENT_BYTES,
  type ProviderStatement,
  StatementFormatError,
  type StatementPayment,
  type StatementRefund,
} from '../provider-statement';

/** The columns the platform reads from WeChat Pay's trade bill (bill_type=ALL); the file has more. */
const NEEDED = [
  '交易时间',
  '微信订单号',
  '商户订单号',
  '交易状态',
  '应结订单金额',
  '微信退款单号',
  '商户退款单号',
  '退款金额',
  '退款状态',
] as const;

/** Fields are written with a leading backtick (so spreadsheets keep long numbers as text). */
const cell = (text: string | undefined): string => (text ?? '').trim().replace(/^`/, '').trim();

/**
 * Parses WeChat Pay's CSV trade bill: the header line, one line per trade or refund (交易状态 REFUND), then the
 * summary header (总交易单数,…) and its line, which must agree with the rows read (count and refund total).
 */
export function parseWechatTradeBill(text: string, date: string): ProviderStatement {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((name) => name.trim());
  const index = Object.fromEntries(NEEDED.map((name) => [name, header.indexOf(name)])) as Record<
    (typeof NEEDED)[number],
    number
  >;
  const absent = NEEDED.filter((name) => index[name] < 0);
  if (absent.length > 0) throw new StatementFormatError(`trade bill lacks columns ${absent.join(', ')}`);
  const summaryAt = lines.findIndex((line) => line.startsWith('总交易单数'));
  if (summaryAt < 1 || summaryAt + 1 >= lines.length)
    throw new StatementFormatError('trade bill has no summary');
  const payments: StatementPayment[] = [];
  const refunds: StatementRefund[] = [];
  for (const [n, line] of lines.slice(1, summaryAt).entries()) {
    const fields = line.split(',');
    const get = (name: (typeof NEEDED)[number]): string => cell(fields[index[name]]);
    const at = beijingStatementTime(get('交易时间'));
    const state = get('交易状态');
    const where = `trade bill line ${n + 2}`;
    if (at === undefined || !get('微信订单号') || !get('商户订单号'))
      throw new StatementFormatError(`${where}: time or order numbers missing`);
    if (state === 'REFUND') {
      const amountFen = billYuanToFen(get('退款金额'));
      if (amountFen === undefined || !get('商户退款单号'))
        throw new StatementFormatError(`${where}: refund amount or number unreadable`);
      const refundState = get('退款状态');
      refunds.push({
        outRefundNo: get('商户退款单号'),
        providerRefundId: get('微信退款单号'),
        outTradeNo: get('商户订单号'),
        providerTradeNo: get('微信订单号'),
        amountFen,
        status:
          refundState === 'SUCCESS'
            ? 'success'
            : refundState === 'PROCESSING'
              ? 'processing'
              : refundState === 'FAIL' || refundState === 'ABNORMAL'
                ? 'failed'
                : refundState || 'unknown',
        at,
      });
      continue;
    }
    const amountFen = billYuanToFen(get('应结订单金额'));
    if (amountFen === undefined) throw new StatementFormatError(`${where}: amount unreadable`);
    payments.push({
      providerTradeNo: get('微信订单号'),
      outTradeNo: get('商户订单号'),
      amountFen,
      status: state === 'SUCCESS' ? 'success' : state || 'unknown',
      at,
    });
  }
  const summary = (lines[summaryAt + 1] ?? '').split(',').map((value) => cell(value));
  const summaryNames = (lines[summaryAt] ?? '').split(',').map((name) => name.trim());
  const count = Number(summary[summaryNames.indexOf('总交易单数')]);
  const refundTotal = billYuanToFen(summary[summaryNames.indexOf('退款总金额')] ?? '');
  if (count !== payments.length + refunds.length)
    throw new StatementFormatError(
      `trade bill summary counts ${count} lines, the file has ${payments.length + refunds.length}`,
    );
  if (refundTotal !== refunds.reduce((sum, r) => sum + r.amountFen, 0))
    throw new StatementFormatError('trade bill summary refund total does not match its lines');
  return { date, payments, refunds };
}

/** The answer of GET /v3/bill/tradebill: where the file is, and the SHA1 it must have. */
export interface TradeBillAnswer {
  readonly hashValue: string;
  readonly downloadPath: string;
}

/**
 * Reads the (platform-signed) tradebill answer. Only the download URL's path and query are kept: the file is
 * fetched from the configured WeChat Pay base URL, never from a host an answer names.
 */
export function tradeBillAnswer(json: Record<string, unknown>): TradeBillAnswer {
  const { hash_type: hashType, hash_value: hashValue, download_url: downloadUrl } = json;
  if (hashType !== 'SHA1' || typeof hashValue !== 'string' || !/^[0-9a-fA-F]{40}$/.test(hashValue))
    throw new StatementFormatError('tradebill answer has no SHA1 hash');
  if (typeof downloadUrl !== 'string') throw new StatementFormatError('tradebill answer has no download_url');
  let url: URL;
  try {
    url = new URL(downloadUrl);
  } catch {
    throw new StatementFormatError('download_url is not a URL');
  }
  if (!url.pathname.startsWith('/v3/billdownload/'))
    throw new StatementFormatError('download_url is not a bill download');
  return { hashValue: hashValue.toLowerCase(), downloadPath: `${url.pathname}${url.search}` };
}

/** The file must be exactly what the signed answer hashed: a changed or truncated download is refused. */
export function verifyBillHash(bytes: Buffer, expectedSha1: string): void {
  const actual = createHash('sha1').update(bytes).digest();
  const expected = Buffer.from(expectedSha1, 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(actual, expected))
    throw new StatementFormatError('trade bill SHA1 does not match the signed hash_value');
}

/** Fetches the bill file with a merchant-signed GET (the download is signed like every v3 call; its body is not). */
export async function downloadTradeBill(
  baseUrl: string,
  path: string,
  authorization: string,
  timeoutSeconds: number,
): Promise<Buffer> {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { authorization, accept: '*/*' },
    signal: AbortSignal.timeout(timeoutSeconds * 1000),
  });
  if (response.status !== 200) throw new StatementFormatError(`bill download answered ${response.status}`);
  if (Number(response.headers.get('content-length') ?? 0) > MAX_STATEMENT_BYTES)
    throw new StatementFormatError('bill file is larger than the platform reads');
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_STATEMENT_BYTES)
    throw new StatementFormatError('bill file is larger than the platform reads');
  return bytes;
}
