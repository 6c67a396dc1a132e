/** The daily limits on one-time codes of one account and purpose: pure, so the rules are unit-tested. */
export interface CodeLimits {
  readonly resendCooldownSeconds: number;
  readonly maxIssuedPerDay: number;
  readonly maxWrongPerDay: number;
}

/** The counters of one account and purpose, in the day that started at `dayStartedAt`. */
export interface CodeDay {
  readonly dayStartedAt: Date | null;
  readonly issuedToday: number;
  readonly wrongToday: number;
}

export const CODE_DAY_MS = 86_400_000;

/** The counters that apply at `now`: a day that ended starts over, counted from now. */
export function currentDay(day: CodeDay, now: Date): CodeDay {
  if (day.dayStartedAt !== null && now.getTime() - day.dayStartedAt.getTime() < CODE_DAY_MS) return day;
  return { dayStartedAt: now, issuedToday: 0, wrongToday: 0 };
}

/** Seconds until the day's counters start over. */
export function secondsLeftInDay(day: CodeDay, now: Date): number {
  const start = (day.dayStartedAt ?? now).getTime();
  return Math.max(1, Math.ceil((start + CODE_DAY_MS - now.getTime()) / 1000));
}

/**
 * The wait before the next code: the base cooldown, doubled for every code already sent today (60 s, 120 s,
 * 240 s …), so re-issuing cannot be used to reset the guess counter at machine speed.
 */
export function resendCooldownSeconds(limits: CodeLimits, issuedToday: number): number {
  if (issuedToday <= 0) return 0;
  return limits.resendCooldownSeconds * 2 ** Math.min(issuedToday - 1, 16);
}

export type IssueDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: 'cooldown' | 'daily_limit'; readonly waitSeconds: number };

/** Whether a new code may be sent now, given when the last one was sent and the day's counters. */
export function mayIssue(
  limits: CodeLimits,
  day: CodeDay,
  lastSentAt: Date | null,
  now: Date,
): IssueDecision {
  if (day.issuedToday >= limits.maxIssuedPerDay || day.wrongToday >= limits.maxWrongPerDay) {
    return { allowed: false, reason: 'daily_limit', waitSeconds: secondsLeftInDay(day, now) };
  }
  if (lastSentAt !== null) {
    const readyAt = lastSentAt.getTime() + resendCooldownSeconds(limits, day.issuedToday) * 1000;
    const wait = Math.ceil((readyAt - now.getTime()) / 1000);
    if (wait > 0) return { allowed: false, reason: 'cooldown', waitSeconds: wait };
  }
  return { allowed: true };
}

/** Guesses left: the fewer of those left on this code and those left today. */
export function guessesLeft(
  limits: CodeLimits,
  maxAttemptsPerCode: number,
  attempts: number,
  day: CodeDay,
): number {
  return Math.max(0, Math.min(maxAttemptsPerCode - attempts, limits.maxWrongPerDay - day.wrongToday));
}
