import { defineErrorCodes, DomainError, type ErrorDetail } from '@exam/platform';

export const ProctoringErrorCode = defineErrorCodes('PROCTORING', {
  EVENT_INVALID: {
    kind: 'invalid',
    meaning: 'A reported proctoring event lacks a field its kind needs or carries one it must not.',
    action:
      'Correct the events listed in details (focus_lost and idle need durationSeconds, copy_paste needs clipboardAction).',
  },
  ATTEMPT_CLOSED: {
    kind: 'conflict',
    meaning: 'The attempt is closed (submitted, finalised at its deadline or past its save window).',
    action: 'Nothing more can be reported or changed; read the attempt to see its status.',
  },
  ATTEMPT_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No attempt of this institution has this id.',
    action: 'Pick an attempt from the exam’s proctoring board.',
  },
  ALREADY_PAUSED: {
    kind: 'conflict',
    meaning: 'The attempt is already paused.',
    action: 'Resume it (POST …/resume) when the candidate may continue.',
  },
  NOT_PAUSED: {
    kind: 'conflict',
    meaning: 'The attempt is not paused, so it cannot be resumed.',
    action: 'Read the attempt’s timeline to see its current state.',
  },
  CONCURRENT_CHANGE: {
    kind: 'conflict',
    meaning: 'The attempt changed while this action was being applied.',
    action: 'Reload the attempt’s timeline and repeat the action if it still applies.',
  },
});

export class ProctoringEventInvalidError extends DomainError {
  constructor(details: readonly ErrorDetail[]) {
    super(
      ProctoringErrorCode.EVENT_INVALID,
      `Some events are malformed: ${details.map((d) => `${d.field ?? ''} ${d.reason}`).join('; ')}.`,
      details,
    );
  }
}

export class ProctoredAttemptClosedError extends DomainError {
  constructor(status: string) {
    super(
      ProctoringErrorCode.ATTEMPT_CLOSED,
      `The attempt is ${status === 'in_progress' ? 'past its save window' : status}; nothing more can be reported or changed.`,
      [{ field: 'status', reason: status }],
    );
  }
}

export class ProctoredAttemptNotFoundError extends DomainError {
  constructor() {
    super(ProctoringErrorCode.ATTEMPT_NOT_FOUND);
  }
}

export class AttemptAlreadyPausedError extends DomainError {
  constructor(pausedAt: Date) {
    super(
      ProctoringErrorCode.ALREADY_PAUSED,
      `The attempt has been paused since ${pausedAt.toISOString()}; resume it when the candidate may continue.`,
      [{ field: 'pausedAt', reason: pausedAt.toISOString() }],
    );
  }
}

export class AttemptNotPausedError extends DomainError {
  constructor() {
    super(ProctoringErrorCode.NOT_PAUSED);
  }
}

export class AttemptChangedConcurrentlyError extends DomainError {
  constructor() {
    super(ProctoringErrorCode.CONCURRENT_CHANGE);
  }
}
