/** The one currency the platform charges in; amounts are integer fen (1 yuan = 100 fen), never floats. */
export const CURRENCY = 'CNY';
export type Currency = typeof CURRENCY;

/** The most one order or refund may move (1,000,000 yuan), well inside INT and JS safe integers. */
export const MAX_AMOUNT_FEN = 100_000_000;

export function isAmountFen(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value <= MAX_AMOUNT_FEN;
}

export interface PricedLine {
  readonly unitPriceFen: number;
  readonly quantity: number;
}

/** The total of the lines, in fen; undefined when a line or the total is not a valid amount. */
export function totalFen(lines: readonly PricedLine[]): number | undefined {
  let total = 0;
  for (const line of lines) {
    if (!isAmountFen(line.unitPriceFen) || !Number.isSafeInteger(line.quantity) || line.quantity < 1)
      return undefined;
    total += line.unitPriceFen * line.quantity;
  }
  return isAmountFen(total) ? total : undefined;
}

/** How much of an order may still be refunded: what was paid minus what was refunded or is being refunded. */
export function refundableFen(paidFen: number, committedRefundsFen: number): number {
  return Math.max(0, paidFen - committedRefundsFen);
}

/** Fen as Alipay's yuan string with two decimals (1234 → "12.34"), without floating point. */
export function fenToYuan(fen: number): string {
  const whole = Math.trunc(fen / 100);
  const cents = fen % 100;
  return `${whole}.${String(cents).padStart(2, '0')}`;
}

/** Alipay's yuan string ("12.34", "12.3", "12") as fen; undefined unless it is exactly such a number. */
export function yuanToFen(yuan: string): number | undefined {
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(yuan);
  if (match === null) return undefined;
  const [, whole = '', cents = ''] = match;
  const fen = Number(whole) * 100 + Number(cents.padEnd(2, '0'));
  return isAmountFen(fen) ? fen : undefined;
}
