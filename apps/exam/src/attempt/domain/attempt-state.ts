export const ATTEMPT_STATUSES = [
  'created',
  'in_progress',
  'overdue',
  'submitted',
  'graded',
  'terminated',
] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

/**
 * What happens to an attempt: `start` (paper delivered, clock running), `submit` (by the candidate),
 * `expire` (deadline plus grace passed without a submission), `finalise` (an overdue attempt is closed from
 * its saved answers), `grade` (every question has a score), `terminate` (by staff).
 */
export const ATTEMPT_EVENTS = ['start', 'submit', 'expire', 'finalise', 'grade', 'terminate'] as const;
export type AttemptEvent = (typeof ATTEMPT_EVENTS)[number];

const TRANSITIONS: Readonly<Record<AttemptStatus, Partial<Record<AttemptEvent, AttemptStatus>>>> = {
  created: { start: 'in_progress', terminate: 'terminated' },
  in_progress: { submit: 'submitted', expire: 'overdue', terminate: 'terminated' },
  overdue: { finalise: 'submitted', terminate: 'terminated' },
  submitted: { grade: 'graded' },
  graded: {},
  terminated: {},
};

/** The status after `event`, or null when the event does not apply in `status` (the caller refuses it). */
export function nextAttemptStatus(status: AttemptStatus, event: AttemptEvent): AttemptStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

/** Answers can change only while the clock runs. */
export function acceptsAnswers(status: AttemptStatus): boolean {
  return status === 'in_progress';
}

/** A live attempt blocks another start of the same exam by the same candidate. */
export function isLive(status: AttemptStatus): boolean {
  return status === 'created' || status === 'in_progress' || status === 'overdue';
}

/**
 * The status after the submission was closed (by the candidate or at the deadline) and its objective
 * questions graded: `graded` when nothing waits for a marker, else `submitted` (awaiting marking).
 */
export function statusAfterClosing(
  status: AttemptStatus,
  how: 'submit' | 'deadline',
  needsMarking: boolean,
): AttemptStatus | null {
  const closed =
    how === 'submit'
      ? nextAttemptStatus(status, 'submit')
      : ((): AttemptStatus | null => {
          const overdue = status === 'overdue' ? status : nextAttemptStatus(status, 'expire');
          return overdue === null ? null : nextAttemptStatus(overdue, 'finalise');
        })();
  if (closed === null) return null;
  return needsMarking ? closed : nextAttemptStatus(closed, 'grade');
}
