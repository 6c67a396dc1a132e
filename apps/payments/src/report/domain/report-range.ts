/** Reports count days in Asia/Shanghai, which has kept UTC+08:00 without daylight saving since 1991. */
export const REPORT_TIME_ZONE = 'Asia/Shanghai';
export const SHANGHAI_OFFSET_MS = 8 * 3600_000;
/** The longest range one report covers: a year, leap day included. */
export const MAX_REPORT_DAYS = 366;

const DAY_MS = 86_400_000;

export interface ReportRange {
  readonly from: string;
  readonly to: string;
  /** The first instant of `from` and the first instant after `to`, in Shanghai. */
  readonly startsAt: Date;
  readonly endsBefore: Date;
  /** Every day of the range, `YYYY-MM-DD`, in order. */
  readonly days: readonly string[];
}

export type RangeResult =
  | { readonly ok: true; readonly range: ReportRange }
  | { readonly ok: false; readonly reason: 'not_a_date' | 'reversed' | 'too_long'; readonly field?: string };

/** Midnight UTC of a calendar day, or null when the text is not a real `YYYY-MM-DD` date. */
function calendarDay(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = Date.UTC(year, month - 1, day);
  const back = new Date(at);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    return null;
  return at;
}

/** The Shanghai calendar day of an instant, `YYYY-MM-DD`. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** `from` and `to` (both included) as instants; refused when not real dates, reversed or too long. */
export function reportRange(from: string, to: string): RangeResult {
  const first = calendarDay(from);
  if (first === null) return { ok: false, reason: 'not_a_date', field: 'from' };
  const last = calendarDay(to);
  if (last === null) return { ok: false, reason: 'not_a_date', field: 'to' };
  if (first > last) return { ok: false, reason: 'reversed' };
  const count = (last - first) / DAY_MS + 1;
  if (count > MAX_REPORT_DAYS) return { ok: false, reason: 'too_long' };
  const days = Array.from({ length: count }, (_, i) =>
    new Date(first + i * DAY_MS).toISOString().slice(0, 10),
  );
  return {
    ok: true,
    range: {
      from,
      to,
      startsAt: new Date(first - SHANGHAI_OFFSET_MS),
      endsBefore: new Date(last + DAY_MS - SHANGHAI_OFFSET_MS),
      days,
    },
  };
}
