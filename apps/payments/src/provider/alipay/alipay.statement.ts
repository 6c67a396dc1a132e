import {
  beijingStatementTime,
  billYuanToFen,
  MAX_STATEMENT_BYTES,
  type ProviderStatement,
  StatementFormatError,
  type StatementPayment,
  type StatementRefund,
} from '../provider-statement';
import { readZip } from './alipay-bill-zip';

export const ALIPAY_BILL_METHOD = 'alipay.data.dataservice.bill.downloadurl.query';

const NEEDED = [
  '支付宝交易号',
  '商户订单号',
  '业务类型',
  '完成时间',
  '订单金额（元）',
  '商家实收（元）',
  '退款批次号/请求号',
] as const;

/**
 * The bill URL from the signed answer. It is fetched only over https from an alipay.com host, or from the
 * configured gateway's own origin (the simulator): an answer cannot send the service anywhere else.
 */
export function billDownloadUrl(answer: Record<string, unknown>, gatewayUrl: string): string {
  const text = answer.bill_download_url;
  if (answer.code !== '10000' || typeof text !== 'string')
    throw new StatementFormatError(
      `bill.downloadurl.query refused: ${String(answer.code)} ${String(answer.sub_code)} ${String(answer.sub_msg)}`,
    );
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new StatementFormatError('bill_download_url is not a URL');
  }
  const alipayHost =
    url.protocol === 'https:' && (url.hostname === 'alipay.com' || url.hostname.endsWith('.alipay.com'));
  if (!alipayHost && url.origin !== new URL(gatewayUrl).origin)
    throw new StatementFormatError('bill_download_url is not an Alipay address');
  return url.toString();
}

/**
 * Parses Alipay's trade detail CSV (业务明细, GBK): `#` comment lines around the column line, tab-padded fields,
 * 业务类型 交易 (a payment) or 退款 (a refund: 商家实收 negative, 退款批次号/请求号 the merchant's request
 * number), and the footer's counts (#交易合计：N笔，退款合计：M笔), which must agree with the rows read.
 */
export function parseAlipayDetail(text: string, date: string): ProviderStatement {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  const headerAt = lines.findIndex((line) => !line.startsWith('#'));
  const header = (lines[headerAt] ?? '').split(',').map((name) => name.trim());
  const index = Object.fromEntries(NEEDED.map((name) => [name, header.indexOf(name)])) as Record<
    (typeof NEEDED)[number],
    number
  >;
  const absent = NEEDED.filter((name) => index[name] < 0);
  if (headerAt < 0 || absent.length > 0)
    throw new StatementFormatError(`detail lacks columns ${absent.join(', ')}`);
  const payments: StatementPayment[] = [];
  const refunds: StatementRefund[] = [];
  let footer: { trades: number; refunds: number } | undefined;
  for (const [n, line] of lines.slice(headerAt + 1).entries()) {
    if (line.startsWith('#')) {
      const totals = /交易合计：(\d+)笔，退款合计：(\d+)笔/.exec(line);
      if (totals !== null) footer = { trades: Number(totals[1]), refunds: Number(totals[2]) };
      continue;
    }
    const fields = line.split(',');
    const get = (name: (typeof NEEDED)[number]): string => (fields[index[name]] ?? '').trim();
    const where = `detail line ${headerAt + n + 2}`;
    const at = beijingStatementTime(get('完成时间'));
    if (at === undefined || !get('支付宝交易号') || !get('商户订单号'))
      throw new StatementFormatError(`${where}: time or trade numbers missing`);
    const received = billYuanToFen(get('商家实收（元）'));
    if (received === undefined) throw new StatementFormatError(`${where}: amount unreadable`);
    const kind = get('业务类型');
    if (kind === '退款') {
      if (!get('退款批次号/请求号'))
        throw new StatementFormatError(`${where}: refund request number missing`);
      refunds.push({
        outRefundNo: get('退款批次号/请求号'),
        providerRefundId: `${get('支付宝交易号')}:${get('退款批次号/请求号')}`,
        outTradeNo: get('商户订单号'),
        providerTradeNo: get('支付宝交易号'),
        amountFen: Math.abs(received),
        status: 'success',
        at,
      });
    } else {
      const amountFen = billYuanToFen(get('订单金额（元）'));
      if (amountFen === undefined) throw new StatementFormatError(`${where}: order amount unreadable`);
      payments.push({
        providerTradeNo: get('支付宝交易号'),
        outTradeNo: get('商户订单号'),
        amountFen,
        status: kind === '交易' ? 'success' : kind || 'unknown',
        at,
      });
    }
  }
  if (footer === undefined) throw new StatementFormatError('detail has no totals footer');
  if (footer.trades !== payments.length || footer.refunds !== refunds.length)
    throw new StatementFormatError(
      `detail footer counts ${footer.trades} trades and ${footer.refunds} refunds, the file has ${payments.length} and ${refunds.length}`,
    );
  return { date, payments, refunds };
}

/** The day's zip: its detail member (业务明细, not the 汇总 summary), decoded from GBK and parsed. */
export function readAlipayBill(zip: Buffer, date: string): ProviderStatement {
  const detail = readZip(zip).find((file) => file.name.endsWith('业务明细.csv'));
  if (detail === undefined) throw new StatementFormatError('bill zip holds no 业务明细 detail file');
  return parseAlipayDetail(new TextDecoder('gbk').decode(detail.data), date);
}

export async function downloadAlipayBill(url: string, timeoutSeconds: number): Promise<Buffer> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutSeconds * 1000) });
  if (response.status !== 200) throw new StatementFormatError(`bill download answered ${response.status}`);
  if (Number(response.headers.get('content-length') ?? 0) > MAX_STATEMENT_BYTES)
    throw new StatementFormatError('bill file is larger than the platform reads');
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > MAX_STATEMENT_BYTES)
    throw new StatementFormatError('bill file is larger than the platform reads');
  return bytes;
}
