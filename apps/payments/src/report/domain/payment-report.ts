import type { ReportRange } from './report-range';

/** What the report's queries return: one group of paid orders or settled refunds per day and subject. */
export interface MoneyGroup {
  /** Shanghai day, `YYYY-MM-DD`. */
  readonly day: string;
  readonly kind: 'exam_fee' | 'product';
  readonly examId: string | null;
  readonly productId: string | null;
  readonly productTitle: string | null;
  readonly count: number;
  readonly fen: number;
}

export interface ReportLine {
  readonly paymentCount: number;
  readonly paymentsFen: number;
  readonly refundCount: number;
  readonly refundsFen: number;
  /** Payments minus refunds; negative on a day that refunded more than it took. */
  readonly netFen: number;
}

export interface PaymentReport {
  readonly range: ReportRange;
  readonly totals: ReportLine;
  /** Every day of the range, quiet days included. */
  readonly byDay: readonly (ReportLine & { readonly day: string })[];
  readonly byExam: readonly (ReportLine & { readonly examId: string })[];
  readonly byProduct: readonly (ReportLine & { readonly productId: string; readonly title: string })[];
}

interface Tally {
  paymentCount: number;
  paymentsFen: number;
  refundCount: number;
  refundsFen: number;
}

const empty = (): Tally => ({ paymentCount: 0, paymentsFen: 0, refundCount: 0, refundsFen: 0 });
const line = (t: Tally): ReportLine => ({ ...t, netFen: t.paymentsFen - t.refundsFen });

function add(tally: Tally, group: MoneyGroup, side: 'payment' | 'refund'): void {
  if (side === 'payment') {
    tally.paymentCount += group.count;
    tally.paymentsFen += group.fen;
  } else {
    tally.refundCount += group.count;
    tally.refundsFen += group.fen;
  }
}

function tallyOf<K>(map: Map<K, Tally>, key: K): Tally {
  let tally = map.get(key);
  if (tally === undefined) {
    tally = empty();
    map.set(key, tally);
  }
  return tally;
}

/**
 * Payments (orders paid), refunds (refunds settled) and net per day, exam and product over the range. A
 * refund counts on the day the money went back, under the exam or product of its order. Only ids, titles
 * and amounts: no buyer appears.
 */
export function buildPaymentReport(
  range: ReportRange,
  payments: readonly MoneyGroup[],
  refunds: readonly MoneyGroup[],
): PaymentReport {
  const totals = empty();
  const days = new Map<string, Tally>(range.days.map((day) => [day, empty()]));
  const exams = new Map<string, Tally>();
  const products = new Map<string, Tally>();
  const titles = new Map<string, string>();
  const sides: [readonly MoneyGroup[], 'payment' | 'refund'][] = [
    [payments, 'payment'],
    [refunds, 'refund'],
  ];
  for (const [groups, side] of sides)
    for (const group of groups) {
      add(totals, group, side);
      add(tallyOf(days, group.day), group, side);
      if (group.kind === 'exam_fee' && group.examId !== null) add(tallyOf(exams, group.examId), group, side);
      if (group.kind === 'product' && group.productId !== null) {
        add(tallyOf(products, group.productId), group, side);
        if (group.productTitle !== null) titles.set(group.productId, group.productTitle);
      }
    }
  return {
    range,
    totals: line(totals),
    byDay: [...days.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, t]) => ({ day, ...line(t) })),
    byExam: [...exams.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([examId, t]) => ({ examId, ...line(t) })),
    byProduct: [...products.entries()]
      .map(([productId, t]) => ({ productId, title: titles.get(productId) ?? '', ...line(t) }))
      .sort((a, b) => a.title.localeCompare(b.title) || a.productId.localeCompare(b.productId)),
  };
}
