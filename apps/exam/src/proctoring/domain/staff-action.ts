import { type AttemptStatus, isLive } from '../../attempt/domain/attempt-state';

/** What staff can do to a running attempt; each needs a written reason and is audited. */
export const STAFF_ACTIONS = ['add_time', 'pause', 'resume', 'terminate'] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** Bounds of one add-time action, in minutes. */
export const MAX_ADDED_MINUTES = 240;

/** The parts of an attempt a staff action reads. */
export interface ControlledAttempt {
  readonly status: AttemptStatus;
  readonly pausedAt: Date | null;
  readonly deadlineAt: Date;
  readonly saveUntil: Date;
  readonly earliestSubmitAt: Date;
}

export type StaffActionRefusal = 'closed' | 'already_paused' | 'not_paused';

/**
 * Why staff cannot take `action` now, or null. Only a live attempt can be changed; one whose save window has
 * passed (and is not paused) is being finalised, so time can no longer be added to it, nor can it be paused.
 * Pure: `now` is the server's time.
 */
export function staffActionRefusal(
  action: StaffAction,
  attempt: ControlledAttempt,
  now: Date,
): StaffActionRefusal | null {
  if (!isLive(attempt.status)) return 'closed';
  if (action === 'terminate') return null;
  if (attempt.status !== 'in_progress') return 'closed';
  if (action === 'resume') return attempt.pausedAt === null ? 'not_paused' : null;
  if (action === 'pause' && attempt.pausedAt !== null) return 'already_paused';
  if (attempt.pausedAt === null && now > attempt.saveUntil) return 'closed';
  return null;
}

/** The attempt's deadline, save window and earliest submission, each moved later by `ms`. */
export function shiftedTimes(
  attempt: ControlledAttempt,
  ms: number,
): { deadlineAt: Date; saveUntil: Date; earliestSubmitAt: Date } {
  const later = (d: Date): Date => new Date(d.getTime() + ms);
  return {
    deadlineAt: later(attempt.deadlineAt),
    saveUntil: later(attempt.saveUntil),
    earliestSubmitAt: later(attempt.earliestSubmitAt),
  };
}

/** How long the attempt was paused, in ms (never negative). */
export function pausedFor(pausedAt: Date, now: Date): number {
  return Math.max(0, now.getTime() - pausedAt.getTime());
}
