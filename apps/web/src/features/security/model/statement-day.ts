/** The merchant day of statements: the calendar day in Beijing (Asia/Shanghai), YYYY-MM-DD. Pure. */
export function beijingDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() + 1 === m && date.getUTCDate() === d;
}

export type StatementDayProblem = 'missing' | 'invalid' | 'future';

/**
 * What keeps a day from being compared: none given, not a calendar day, or after today in Beijing (a
 * provider has no statement of a day that has not begun; the payments service refuses it too). Pure.
 */
export function statementDayProblem(text: string | undefined, today: string): StatementDayProblem | null {
  const day = (text ?? '').trim();
  if (day === '') return 'missing';
  if (!isCalendarDay(day)) return 'invalid';
  return day > today ? 'future' : null;
}

/** Who started a run: the daily job, or platform staff (`staff:<user id>`). Pure. */
export function runStarter(triggeredBy: string): 'job' | 'staff' {
  return triggeredBy.startsWith('staff:') ? 'staff' : 'job';
}
