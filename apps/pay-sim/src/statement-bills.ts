import { beijingTime, fenToYuan, randomToken } from './sim-crypto';
import type { Provider, SimState } from './sim-state';

/**
 * How the next statements differ from what the simulator recorded (POST /sim/statement), so tests can make
 * each kind of mismatch: a trade the merchant never saw, a changed amount or status, an omitted row.
 */
export type StatementEdit =
  | {
      readonly kind: 'extra_trade';
      readonly provider: Provider;
      readonly outTradeNo: string;
      readonly transactionId: string;
      readonly amountFen: number;
      readonly at: Date;
    }
  | {
      readonly kind: 'amount';
      readonly provider: Provider;
      readonly outTradeNo: string;
      readonly amountFen: number;
    }
  | { readonly kind: 'omit'; readonly provider: Provider; readonly outTradeNo: string }
  | {
      readonly kind: 'status';
      readonly provider: Provider;
      readonly outTradeNo: string;
      readonly status: string;
    }
  | {
      readonly kind: 'refund_amount';
      readonly provider: Provider;
      readonly outRefundNo: string;
      readonly amountFen: number;
    }
  | { readonly kind: 'omit_refund'; readonly provider: Provider; readonly outRefundNo: string }
  | {
      readonly kind: 'refund_status';
      readonly provider: Provider;
      readonly outRefundNo: string;
      readonly status: string;
    }
  /** The file downloaded is damaged in transit (no longer the one hashed, or a zip that fails its CRC). */
  | { readonly kind: 'corrupt_file'; readonly provider: Provider }
  | {
      readonly kind: 'extra_refund';
      readonly provider: Provider;
      readonly outTradeNo: string;
      readonly outRefundNo: string;
      readonly refundId: string;
      readonly amountFen: number;
      readonly at: Date;
    };

/** A trade or refund the platform never saw, numbered once so every statement of the day shows the same. */
export function extraNumbers(provider: Provider): {
  outTradeNo: string;
  transactionId: string;
  outRefundNo: string;
  refundId: string;
} {
  const outRefundNo = `SIMR${randomToken(8).toUpperCase()}`;
  return {
    outTradeNo: `SIM${randomToken(8).toUpperCase()}`,
    transactionId: `${provider === 'wechat' ? '4200' : '2026'}${randomToken(12)}`,
    outRefundNo,
    refundId: provider === 'wechat' ? `50${randomToken(14)}` : outRefundNo,
  };
}

export interface BillPayment {
  readonly at: Date;
  readonly outTradeNo: string;
  readonly transactionId: string;
  readonly description: string;
  readonly amountFen: number;
  readonly status: string;
}

export interface BillRefund {
  readonly at: Date;
  readonly outTradeNo: string;
  readonly transactionId: string;
  readonly description: string;
  readonly orderAmountFen: number;
  readonly outRefundNo: string;
  readonly refundId: string;
  readonly amountFen: number;
  readonly status: string;
}

export interface BillRows {
  readonly payments: BillPayment[];
  readonly refunds: BillRefund[];
}

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** The Beijing calendar day (YYYY-MM-DD) of a moment: statements follow the merchant's day. */
export function beijingDate(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** Statements hold no commas inside fields (the providers' files are not quoted). */
const field = (text: string): string => text.replaceAll(',', '，').replace(/[\r\n]/g, ' ');

/** The provider's rows for one Beijing day, from the recorded trades and refunds, with the edits applied. */
export function billRows(
  state: SimState,
  edits: readonly StatementEdit[],
  provider: Provider,
  date: string,
): BillRows {
  const mine = edits.filter((e) => e.provider === provider);
  const payments: BillPayment[] = [];
  const refunds: BillRefund[] = [];
  for (const trade of state.trades.values()) {
    if (trade.provider !== provider || trade.transactionId === undefined || trade.paidAt === undefined)
      continue;
    const base = {
      outTradeNo: trade.outTradeNo,
      transactionId: trade.transactionId,
      description: field(trade.description),
    };
    if (
      beijingDate(trade.paidAt) === date &&
      !mine.some((e) => e.kind === 'omit' && e.outTradeNo === trade.outTradeNo)
    ) {
      let payment: BillPayment = { ...base, at: trade.paidAt, amountFen: trade.amountFen, status: 'SUCCESS' };
      for (const edit of mine) {
        if (edit.kind === 'amount' && edit.outTradeNo === trade.outTradeNo)
          payment = { ...payment, amountFen: edit.amountFen };
        if (edit.kind === 'status' && edit.outTradeNo === trade.outTradeNo)
          payment = { ...payment, status: edit.status };
      }
      payments.push(payment);
    }
    for (const refund of trade.refunds) {
      const at = refund.at ?? trade.paidAt;
      if (beijingDate(at) !== date) continue;
      if (mine.some((e) => e.kind === 'omit_refund' && e.outRefundNo === refund.outRefundNo)) continue;
      let row: BillRefund = {
        ...base,
        at,
        orderAmountFen: trade.amountFen,
        outRefundNo: refund.outRefundNo,
        refundId: refund.refundId,
        amountFen: refund.amountFen,
        status: 'SUCCESS',
      };
      for (const edit of mine) {
        if (edit.kind === 'refund_amount' && edit.outRefundNo === refund.outRefundNo)
          row = { ...row, amountFen: edit.amountFen };
        if (edit.kind === 'refund_status' && edit.outRefundNo === refund.outRefundNo)
          row = { ...row, status: edit.status };
      }
      refunds.push(row);
    }
  }
  for (const edit of mine) {
    if (edit.kind === 'extra_trade' && beijingDate(edit.at) === date)
      payments.push({
        at: edit.at,
        outTradeNo: edit.outTradeNo,
        transactionId: edit.transactionId,
        description: 'unknown to the merchant',
        amountFen: edit.amountFen,
        status: 'SUCCESS',
      });
    if (edit.kind === 'extra_refund' && beijingDate(edit.at) === date) {
      const trade = state.find(provider, edit.outTradeNo);
      refunds.push({
        at: edit.at,
        outTradeNo: edit.outTradeNo,
        transactionId: trade?.transactionId ?? '',
        description: field(trade?.description ?? ''),
        orderAmountFen: trade?.amountFen ?? edit.amountFen,
        outRefundNo: edit.outRefundNo,
        refundId: edit.refundId,
        amountFen: edit.amountFen,
        status: 'SUCCESS',
      });
    }
  }
  const byTime = (a: { at: Date }, b: { at: Date }): number => a.at.getTime() - b.at.getTime();
  return { payments: payments.sort(byTime), refunds: refunds.sort(byTime) };
}

/** WeChat Pay's trade bill (bill_type=ALL) columns, as published. */
export const WECHAT_BILL_COLUMNS = [
  '交易时间',
  '公众账号ID',
  '商户号',
  '特约商户号',
  '设备号',
  '微信订单号',
  '商户订单号',
  '用户标识',
  '交易类型',
  '交易状态',
  '付款银行',
  '货币种类',
  '应结订单金额',
  '代金券金额',
  '微信退款单号',
  '商户退款单号',
  '退款金额',
  '充值券退款金额',
  '退款类型',
  '退款状态',
  '商品名称',
  '商户数据包',
  '手续费',
  '费率',
  '订单金额',
  '申请退款金额',
  '费率备注',
] as const;

const WECHAT_SUMMARY_COLUMNS = [
  '总交易单数',
  '应结订单总金额',
  '退款总金额',
  '充值券退款总金额',
  '手续费总金额',
  '订单总金额',
  '申请退款总金额',
];

/** WeChat Pay's 0.6 % fee, in fen rounded half up. */
const fee = (fen: number): number => Math.floor((fen * 6 + 500) / 1000);

const signedYuan = (fen: number): string => (fen < 0 ? `-${fenToYuan(-fen)}` : fenToYuan(fen));

/** The CSV trade bill: header, one backtick-prefixed line per trade or refund, then the summary. */
export function wechatTradeBill(rows: BillRows, mchId: string, appId: string): string {
  const lines: string[] = [WECHAT_BILL_COLUMNS.join(',')];
  const line = (values: readonly string[]): string => values.map((v) => `\`${v}`).join(',');
  for (const p of rows.payments)
    lines.push(
      line([
        beijingTime(p.at),
        appId,
        mchId,
        '0',
        '',
        p.transactionId,
        p.outTradeNo,
        `sim-openid`,
        'NATIVE',
        p.status,
        'OTHERS',
        'CNY',
        fenToYuan(p.amountFen),
        '0.00',
        '0',
        '0',
        '0.00',
        '0.00',
        '',
        '',
        p.description,
        '',
        fenToYuan(fee(p.amountFen)),
        '0.60%',
        fenToYuan(p.amountFen),
        '0.00',
        '',
      ]),
    );
  for (const r of rows.refunds)
    lines.push(
      line([
        beijingTime(r.at),
        appId,
        mchId,
        '0',
        '',
        r.transactionId,
        r.outTradeNo,
        `sim-openid`,
        'NATIVE',
        'REFUND',
        'OTHERS',
        'CNY',
        '0.00',
        '0.00',
        r.refundId,
        r.outRefundNo,
        fenToYuan(r.amountFen),
        '0.00',
        'ORIGINAL',
        r.status,
        r.description,
        '',
        `-${fenToYuan(fee(r.amountFen))}`,
        '0.60%',
        fenToYuan(r.orderAmountFen),
        fenToYuan(r.amountFen),
        '',
      ]),
    );
  const paid = rows.payments.filter((p) => p.status === 'SUCCESS');
  const sum = (values: number[]): number => values.reduce((total, v) => total + v, 0);
  const settled = sum(paid.map((p) => p.amountFen));
  const refunded = sum(rows.refunds.map((r) => r.amountFen));
  lines.push(WECHAT_SUMMARY_COLUMNS.join(','));
  lines.push(
    line([
      String(rows.payments.length + rows.refunds.length),
      fenToYuan(settled),
      fenToYuan(refunded),
      '0.00',
      signedYuan(sum(paid.map((p) => fee(p.amountFen))) - sum(rows.refunds.map((r) => fee(r.amountFen)))),
      fenToYuan(settled),
      fenToYuan(refunded),
    ]),
  );
  return `${lines.join('\r\n')}\r\n`;
}

/** Alipay's trade detail (业务明细) columns, as published. */
export const ALIPAY_DETAIL_COLUMNS = [
  '支付宝交易号',
  '商户订单号',
  '业务类型',
  '商品名称',
  '创建时间',
  '完成时间',
  '门店编号',
  '门店名称',
  '操作员',
  '终端号',
  '对方账户',
  '订单金额（元）',
  '商家实收（元）',
  '支付宝红包（元）',
  '集分宝（元）',
  '支付宝优惠（元）',
  '商家优惠（元）',
  '券核销金额（元）',
  '券名称',
  '商家红包消费金额（元）',
  '卡消费金额（元）',
  '退款批次号/请求号',
  '服务费（元）',
  '分润（元）',
  '备注',
] as const;

const chineseTime = (at: Date): string => {
  const t = beijingTime(at);
  return `${t.slice(0, 4)}年${t.slice(5, 7)}月${t.slice(8, 10)}日 ${t.slice(11)}`;
};

/** Alipay's detail CSV of one day: comment header, columns, tab-padded rows, comment footer with totals. */
export function alipayDetailCsv(rows: BillRows, account: string, date: string, exportedAt: Date): string {
  const start = new Date(Date.parse(`${date}T00:00:00+08:00`));
  const end = new Date(start.getTime() + 86_400_000);
  const rule = '-'.repeat(41);
  const lines = [
    '#支付宝业务明细查询',
    `#账号：[${account}]`,
    `#起始日期：[${chineseTime(start)}]   终止日期：[${chineseTime(end)}]`,
    `#${rule}业务明细列表${rule}`,
    ALIPAY_DETAIL_COLUMNS.join(','),
  ];
  const row = (values: readonly string[]): string => values.map((v) => `${v}\t`).join(',');
  const serviceFee = (fen: number): string => `-${fenToYuan(fee(fen))}`;
  for (const p of rows.payments)
    lines.push(
      row([
        p.transactionId,
        p.outTradeNo,
        '交易',
        p.description,
        beijingTime(p.at),
        beijingTime(p.at),
        '',
        '',
        '',
        '',
        'sim***@example.com',
        fenToYuan(p.amountFen),
        fenToYuan(p.amountFen),
        '0.00',
        '0.00',
        '0.00',
        '0.00',
        '0.00',
        '',
        '0.00',
        '0.00',
        '',
        serviceFee(p.amountFen),
        '0.00',
        '',
      ]),
    );
  for (const r of rows.refunds)
    lines.push(
      row([
        r.transactionId,
        r.outTradeNo,
        '退款',
        r.description,
        beijingTime(r.at),
        beijingTime(r.at),
        '',
        '',
        '',
        '',
        'sim***@example.com',
        fenToYuan(r.orderAmountFen),
        `-${fenToYuan(r.amountFen)}`,
        '0.00',
        '0.00',
        '0.00',
        '0.00',
        '0.00',
        '',
        '0.00',
        '0.00',
        r.outRefundNo,
        fenToYuan(fee(r.amountFen)),
        '0.00',
        '',
      ]),
    );
  lines.push(
    `#${rule}业务明细列表结束${rule}`,
    `#交易合计：${rows.payments.length}笔，退款合计：${rows.refunds.length}笔`,
    `#导出时间：[${chineseTime(exportedAt)}]`,
  );
  return `${lines.join('\r\n')}\r\n`;
}

/** Alipay's summary (业务明细(汇总)) file that travels in the same zip. */
export function alipaySummaryCsv(rows: BillRows, account: string, date: string, exportedAt: Date): string {
  const paid = rows.payments.reduce((sum, p) => sum + p.amountFen, 0);
  const refunded = rows.refunds.reduce((sum, r) => sum + r.amountFen, 0);
  return [
    '#支付宝业务汇总查询',
    `#账号：[${account}]`,
    `#起始日期：[${date}]`,
    '门店编号,门店名称,交易订单总笔数,退款订单总笔数,订单金额（元）,商家实收（元）',
    `合计,,${rows.payments.length},${rows.refunds.length},${fenToYuan(paid)},${signedYuan(paid - refunded)}`,
    `#导出时间：[${chineseTime(exportedAt)}]`,
    '',
  ].join('\r\n');
}

/** A copy of the file with one byte changed (by default in its middle): what a damaged download looks like. */
export function damaged(bytes: Buffer, at = Math.floor(bytes.length / 2)): Buffer {
  const copy = Buffer.from(bytes);
  copy[at] = (copy[at] ?? 0) ^ 0x20;
  return copy;
}
