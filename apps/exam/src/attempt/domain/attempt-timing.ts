const MINUTE = 60_000;

/** What of an exam and a candidate's accommodation decides when they may start and when they must stop. */
export interface AttemptSchedule {
  readonly practice: boolean;
  readonly opensAt: Date;
  readonly closesAt: Date;
  readonly durationMinutes: number;
  /** Minutes after opening that a candidate may still start; 0 = no cutoff (the closing time still caps). */
  readonly lateEntryMinutes: number;
  /** The exam's own grace after the deadline (onExpiry = grace), in minutes; 0 otherwise. */
  readonly graceMinutes: number;
  readonly accommodation: {
    readonly extraMinutes: number;
    readonly windowOpensAt: Date | null;
    readonly windowClosesAt: Date | null;
  } | null;
}

export type StartRefusal =
  | { readonly reason: 'not_open'; readonly opensAt: Date }
  | { readonly reason: 'closed'; readonly closesAt: Date }
  | { readonly reason: 'late_entry'; readonly cutoff: Date };

/** The candidate's window: their accommodation's own window if any, its closing time pushed by the extra time. */
export function effectiveWindow(schedule: AttemptSchedule): { opensAt: Date; closesAt: Date } {
  const acc = schedule.accommodation;
  const opensAt = acc?.windowOpensAt ?? schedule.opensAt;
  const closes = acc?.windowClosesAt ?? schedule.closesAt;
  return { opensAt, closesAt: new Date(closes.getTime() + (acc?.extraMinutes ?? 0) * MINUTE) };
}

/** The late-entry cutoff, or null when the exam has none (practice exams, or lateEntryMinutes 0). */
export function lateEntryCutoff(schedule: AttemptSchedule): Date | null {
  if (schedule.practice || schedule.lateEntryMinutes === 0) return null;
  return new Date(effectiveWindow(schedule).opensAt.getTime() + schedule.lateEntryMinutes * MINUTE);
}

/** Why a start at `now` is refused by the clock, or null when the candidate may start. */
export function startRefusal(schedule: AttemptSchedule, now: Date): StartRefusal | null {
  const { opensAt, closesAt } = effectiveWindow(schedule);
  if (now < opensAt) return { reason: 'not_open', opensAt };
  if (now >= closesAt) return { reason: 'closed', closesAt };
  const cutoff = lateEntryCutoff(schedule);
  if (cutoff !== null && now > cutoff) return { reason: 'late_entry', cutoff };
  return null;
}

/**
 * The deadline of an attempt started at `startedAt`: its duration plus any extra time, never past the
 * candidate's closing time (a late starter gets what is left of the window, not the full duration).
 */
export function attemptDeadline(schedule: AttemptSchedule, startedAt: Date): Date {
  const extra = schedule.accommodation?.extraMinutes ?? 0;
  const byDuration = startedAt.getTime() + (schedule.durationMinutes + extra) * MINUTE;
  return new Date(Math.min(byDuration, effectiveWindow(schedule).closesAt.getTime()));
}

/**
 * The last moment a save or a submission is accepted, judged by server time: the deadline, plus the exam's
 * own grace, plus the network grace for saves made before the deadline that arrive late.
 */
export function saveCutoff(deadline: Date, examGraceMinutes: number, networkGraceSeconds: number): Date {
  return new Date(deadline.getTime() + examGraceMinutes * MINUTE + networkGraceSeconds * 1000);
}

/** Whole seconds left until the deadline (0 once past), for the client's countdown. */
export function remainingSeconds(deadline: Date, now: Date): number {
  return Math.max(0, Math.floor((deadline.getTime() - now.getTime()) / 1000));
}

/** The earliest time a candidate may submit (exam's minMinutesBeforeSubmit, capped by the deadline). */
export function earliestSubmit(startedAt: Date, minMinutesBeforeSubmit: number, deadline: Date): Date {
  return new Date(Math.min(startedAt.getTime() + minMinutesBeforeSubmit * MINUTE, deadline.getTime()));
}
