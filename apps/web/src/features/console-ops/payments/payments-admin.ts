/** Pure helpers of the refund approval and report pages. */

/** The payments service counts report days in Asia/Shanghai (UTC+08:00, no daylight saving). */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
export const MAX_REPORT_DAYS = 366;

/** The Shanghai calendar day of an instant, `YYYY-MM-DD`. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The last `days` Shanghai days up to today, as the report form's first range. */
export function defaultReportRange(now: Date, days = 30): { from: string; to: string } {
  return { from: shanghaiDay(new Date(now.getTime() - (days - 1) * DAY_MS)), to: shanghaiDay(now) };
}

function dayNumber(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = Date.UTC(year, month - 1, day);
  const back = new Date(at);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day)
    return null;
  return at / DAY_MS;
}

export type RangeProblem = 'notADate' | 'reversed' | 'tooLong';

/** What is wrong with a report range before asking the server (the same rules it applies), or null. */
export function reportRangeProblem(from: string, to: string): RangeProblem | null {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (first === null || last === null) return 'notADate';
  if (first > last) return 'reversed';
  if (last - first + 1 > MAX_REPORT_DAYS) return 'tooLong';
  return null;
}

/** Whether the signed-in admin may decide a refund: never one they requested themselves. */
export function canDecide(refund: { requestedBy: string }, userId: string): boolean {
  return refund.requestedBy !== `user:${userId}`;
}

/** Who asked for a refund, as a key of the `requester` texts and the id to show. */
export function requester(
  requestedBy: string,
  userId: string,
): { kind: 'you' | 'staff' | 'system'; id: string } {
  if (requestedBy === `user:${userId}`) return { kind: 'you', id: userId };
  if (requestedBy.startsWith('user:')) return { kind: 'staff', id: requestedBy.slice(5) };
  return { kind: 'system', id: requestedBy };
}
