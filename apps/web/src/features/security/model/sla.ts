import type { Alert } from '../api/types';

export type DurationUnit = 'seconds' | 'minutes' | 'hours' | 'days';

/** A duration in its largest whole unit ("3 h", not "187 min"), for "2 h ago" and "due in 5 min". */
export function durationOf(seconds: number): { count: number; unit: DurationUnit } {
  const s = Math.max(0, Math.floor(Math.abs(seconds)));
  if (s < 60) return { count: s, unit: 'seconds' };
  if (s < 3600) return { count: Math.floor(s / 60), unit: 'minutes' };
  if (s < 86_400) return { count: Math.floor(s / 3600), unit: 'hours' };
  return { count: Math.floor(s / 86_400), unit: 'days' };
}

/** Seconds from `iso` until `now` (never negative: clocks of server and browser differ a little). */
export function ageSeconds(iso: string, now: Date): number {
  return Math.max(0, Math.round((now.getTime() - new Date(iso).getTime()) / 1000));
}

export type SlaState =
  | { kind: 'breached'; overdueSeconds: number }
  | { kind: 'due'; remainingSeconds: number }
  /** Acknowledged in time or later: the clock stopped. */
  | { kind: 'stopped' };

/**
 * The SLA clock as the API computed it when it answered (slaRemainingSeconds), moved on by the seconds since
 * (`elapsedSeconds`), so a page left open keeps counting.
 */
export function slaStateOf(alert: Alert, elapsedSeconds = 0): SlaState {
  if (alert.slaRemainingSeconds === null) return { kind: 'stopped' };
  const remaining = alert.slaRemainingSeconds - elapsedSeconds;
  if (alert.slaBreached || remaining < 0) return { kind: 'breached', overdueSeconds: -remaining };
  return { kind: 'due', remainingSeconds: remaining };
}

/** Breached alerts first (most overdue first), the rest in the order the API sorted them. */
export function breachedFirst<T extends Alert>(alerts: readonly T[]): T[] {
  const breached = alerts
    .filter((a) => slaStateOf(a).kind === 'breached')
    .sort((a, b) => (a.slaRemainingSeconds ?? 0) - (b.slaRemainingSeconds ?? 0));
  return [...breached, ...alerts.filter((a) => slaStateOf(a).kind !== 'breached')];
}
