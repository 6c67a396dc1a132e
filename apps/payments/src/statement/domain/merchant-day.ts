/** The merchants' statements follow the Beijing day (Asia/Shanghai, UTC+8 all year, no daylight saving). */
const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

export interface MerchantDay {
  readonly date: string;
  readonly start: Date;
  readonly end: Date;
}

/** A `YYYY-MM-DD` that is a real calendar day, or undefined. */
export function parseStatementDate(text: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text ? text : undefined;
}

/** The UTC bounds [start, end) of a Beijing day. */
export function merchantDay(date: string): MerchantDay {
  const start = new Date(Date.parse(`${date}T00:00:00Z`) - BEIJING_OFFSET_MS);
  return { date, start, end: new Date(start.getTime() + DAY_MS) };
}

/** The Beijing calendar day of a moment. */
export function merchantDateOf(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The Beijing day before the one containing `now`: what the daily job compares. */
export function previousMerchantDate(now: Date): string {
  return merchantDateOf(new Date(now.getTime() - DAY_MS));
}

/** The Beijing hour of a moment (0-23): the job waits until the providers publish their files. */
export function merchantHourOf(now: Date): number {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).getUTCHours();
}
