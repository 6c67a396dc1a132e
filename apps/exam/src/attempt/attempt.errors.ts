import { defineErrorCodes, DomainError, type ErrorDetail } from '@exam/platform';

export const AttemptErrorCode = defineErrorCodes('ATTEMPT', {
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No attempt of yours has this id.',
    action: 'Start the exam again (POST /api/exam/exams/{examId}/attempts) to get your attempt back.',
  },
  EXAM_NOT_OPEN: {
    kind: 'conflict',
    meaning: 'The exam has not opened yet.',
    action: 'Start it at or after its opening time (opensAt in details).',
  },
  EXAM_CLOSED: {
    kind: 'conflict',
    meaning: 'The exam has closed; no attempt can start any more.',
    action: 'Contact the exam’s institution if you believe you should have had more time.',
  },
  LATE_ENTRY_CLOSED: {
    kind: 'conflict',
    meaning: 'The exam started too long ago: its late-entry time has passed.',
    action: 'Contact the exam’s institution; only staff can let you in now.',
  },
  NOT_REGISTERED: {
    kind: 'forbidden',
    meaning: 'You hold no registration for this exam.',
    action: 'Register for the exam (POST /api/exam/exams/{examId}/registrations) while registration is open.',
  },
  REGISTRATION_PENDING_REVIEW: {
    kind: 'forbidden',
    meaning: 'Your registration is still waiting for the institution’s review.',
    action: 'Wait for the review; GET /api/exam/me/registrations shows its status.',
  },
  PAYMENT_REQUIRED: {
    kind: 'forbidden',
    meaning: 'The exam fee of your registration is not paid yet.',
    action: 'Pay the registration’s fee, then start the exam.',
  },
  REAL_NAME_REQUIRED: {
    kind: 'forbidden',
    meaning: 'This exam requires a verified real name, and yours is not verified.',
    action: 'Verify your real name at POST /api/identity/real-name/verifications, then start again.',
  },
  FACE_CHECK_REQUIRED: {
    kind: 'forbidden',
    meaning: 'This exam requires a face check at entry, and no face-check token came with the request.',
    action:
      'Take the face check for this exam at the identity service (purpose exam_start) and send its token as faceCheckToken.',
  },
  FACE_CHECK_REPLAYED: {
    kind: 'conflict',
    meaning: 'This face-check token was already used to start an attempt.',
    action: 'Take a new face check for this exam and start with its token.',
  },
  ACCESS_PASSWORD_WRONG: {
    kind: 'forbidden',
    meaning: 'The exam’s access password is missing or wrong.',
    action: 'Enter the access password the invigilator gives you as accessPassword.',
  },
  IP_NOT_ALLOWED: {
    kind: 'forbidden',
    meaning: 'This exam can only be taken from the exam centre’s network, and your address is not in it.',
    action: 'Connect from the exam centre’s network (ask the invigilator), then start again.',
  },
  NO_ATTEMPTS_LEFT: {
    kind: 'conflict',
    meaning: 'You have used every attempt this exam allows.',
    action: 'Contact the exam’s institution if you need another attempt (an accommodation can add one).',
  },
  HELD_BY_OTHER_DEVICE: {
    kind: 'conflict',
    meaning: 'Another device holds this attempt; only one device can answer at a time.',
    action:
      'Continue on the other device, or take the attempt over here with POST /api/exam/attempts/{attemptId}/takeover.',
  },
  TAKEN_OVER: {
    kind: 'conflict',
    meaning: 'Another device took this attempt over; this device can no longer save or submit.',
    action:
      'Continue on the device that took over, or take the attempt back with POST /api/exam/attempts/{attemptId}/takeover.',
  },
  DEVICE_ID_REQUIRED: {
    kind: 'invalid',
    meaning: 'The request does not say which device it comes from.',
    action:
      'Send the X-Device-Id header: 8 to 128 letters, digits, - or _, the same on every request of this device.',
  },
  NOT_IN_PROGRESS: {
    kind: 'conflict',
    meaning:
      'The attempt is no longer in progress: it was submitted, finalised at its deadline or terminated.',
    action: 'Read the attempt (GET /api/exam/attempts/{attemptId}) to see its status.',
  },
  DEADLINE_PASSED: {
    kind: 'conflict',
    meaning: 'The attempt’s deadline and its grace have passed (server time); no answer can change now.',
    action: 'Nothing to do: the answers saved before the deadline are submitted automatically.',
  },
  QUESTION_NOT_IN_PAPER: {
    kind: 'not_found',
    meaning: 'The question is not part of this attempt’s paper.',
    action: 'Answer one of the questions GET /api/exam/attempts/{attemptId} lists.',
  },
  ANSWER_INVALID: {
    kind: 'invalid',
    meaning: 'The answer does not fit the question.',
    action: 'Correct the fields listed in details (see the question’s type and options).',
  },
  TOO_EARLY_TO_SUBMIT: {
    kind: 'conflict',
    meaning: 'The exam does not accept submissions this early.',
    action: 'Keep working; you may submit from the time in details (earliestSubmitAt).',
  },
  PAUSED: {
    kind: 'conflict',
    meaning: 'The exam’s staff paused this attempt; nothing can be saved or submitted until they resume it.',
    action: 'Wait for the invigilator to resume the attempt; the time left is kept while it is paused.',
  },
  TERMINATED: {
    kind: 'conflict',
    meaning:
      'The attempt was terminated (by the exam’s staff or the exam’s anti-cheat policy); the answers saved until then are kept.',
    action: 'Nothing more can be saved or submitted; contact the exam’s institution if you disagree.',
  },
  PAPER_UNAVAILABLE: {
    kind: 'conflict',
    meaning: 'The exam has no frozen paper to deliver.',
    action: 'Contact the exam’s institution: the exam must be published with its paper.',
  },
});

export class AttemptNotFoundError extends DomainError {
  constructor() {
    super(AttemptErrorCode.NOT_FOUND);
  }
}

export class ExamNotOpenYetError extends DomainError {
  constructor(opensAt: Date) {
    super(AttemptErrorCode.EXAM_NOT_OPEN, `The exam opens at ${opensAt.toISOString()}; start it then.`, [
      { field: 'opensAt', reason: opensAt.toISOString() },
    ]);
  }
}

export class ExamClosedForAttemptsError extends DomainError {
  constructor(closesAt: Date) {
    super(
      AttemptErrorCode.EXAM_CLOSED,
      `The exam closed at ${closesAt.toISOString()}; no attempt can start any more. Contact the exam’s institution if you believe you should have had more time.`,
      [{ field: 'closesAt', reason: closesAt.toISOString() }],
    );
  }
}

export class LateEntryClosedError extends DomainError {
  constructor(cutoff: Date) {
    super(
      AttemptErrorCode.LATE_ENTRY_CLOSED,
      `Late entry ended at ${cutoff.toISOString()}; only the exam’s staff can let you in now.`,
      [{ field: 'lateEntryCutoff', reason: cutoff.toISOString() }],
    );
  }
}

export class NotRegisteredError extends DomainError {
  constructor() {
    super(AttemptErrorCode.NOT_REGISTERED);
  }
}

export class RegistrationPendingReviewError extends DomainError {
  constructor() {
    super(AttemptErrorCode.REGISTRATION_PENDING_REVIEW);
  }
}

export class PaymentRequiredError extends DomainError {
  constructor(feeFen: number) {
    super(
      AttemptErrorCode.PAYMENT_REQUIRED,
      `The exam fee (${(feeFen / 100).toFixed(2)} CNY) of your registration is not paid yet; pay it, then start the exam.`,
    );
  }
}

export class AttemptRealNameRequiredError extends DomainError {
  constructor() {
    super(AttemptErrorCode.REAL_NAME_REQUIRED);
  }
}

export class FaceCheckRequiredError extends DomainError {
  constructor() {
    super(AttemptErrorCode.FACE_CHECK_REQUIRED, undefined, [
      { field: 'faceCheckToken', reason: 'required by this exam' },
    ]);
  }
}

export class FaceCheckReplayedError extends DomainError {
  constructor() {
    super(AttemptErrorCode.FACE_CHECK_REPLAYED, undefined, [
      { field: 'faceCheckToken', reason: 'already used' },
    ]);
  }
}

export class AccessPasswordWrongError extends DomainError {
  constructor() {
    super(AttemptErrorCode.ACCESS_PASSWORD_WRONG, undefined, [
      { field: 'accessPassword', reason: 'missing or wrong' },
    ]);
  }
}

export class IpNotAllowedError extends DomainError {
  constructor() {
    super(AttemptErrorCode.IP_NOT_ALLOWED);
  }
}

export class NoAttemptsLeftError extends DomainError {
  constructor(allowed: number) {
    super(
      AttemptErrorCode.NO_ATTEMPTS_LEFT,
      `You have used all ${allowed} attempt(s) this exam allows. Contact the exam’s institution if you need another one.`,
    );
  }
}

export class HeldByOtherDeviceError extends DomainError {
  constructor(attemptId: string) {
    super(
      AttemptErrorCode.HELD_BY_OTHER_DEVICE,
      `Another device holds this attempt. Continue there, or take it over on this device with POST /api/exam/attempts/${attemptId}/takeover.`,
      [{ field: 'attemptId', reason: attemptId }],
    );
  }
}

export class TakenOverError extends DomainError {
  constructor(attemptId: string) {
    super(
      AttemptErrorCode.TAKEN_OVER,
      `Another device took this attempt over; this device can no longer save or submit. Continue on that device, or take it back with POST /api/exam/attempts/${attemptId}/takeover.`,
      [{ field: 'attemptId', reason: attemptId }],
    );
  }
}

export class DeviceIdRequiredError extends DomainError {
  constructor() {
    super(AttemptErrorCode.DEVICE_ID_REQUIRED, undefined, [
      { field: 'x-device-id', reason: 'required: 8 to 128 letters, digits, - or _' },
    ]);
  }
}

export class AttemptNotInProgressError extends DomainError {
  constructor(status: string) {
    super(
      AttemptErrorCode.NOT_IN_PROGRESS,
      `The attempt is ${status}; its answers can no longer change. Read it with GET /api/exam/attempts/{attemptId}.`,
      [{ field: 'status', reason: status }],
    );
  }
}

export class DeadlinePassedError extends DomainError {
  constructor(saveUntil: Date) {
    super(
      AttemptErrorCode.DEADLINE_PASSED,
      `Saves were accepted until ${saveUntil.toISOString()} (server time); this one came later and was not applied. The answers saved before then are submitted automatically.`,
      [{ field: 'saveUntil', reason: saveUntil.toISOString() }],
    );
  }
}

export class QuestionNotInPaperError extends DomainError {
  constructor() {
    super(AttemptErrorCode.QUESTION_NOT_IN_PAPER);
  }
}

export class AnswerInvalidError extends DomainError {
  constructor(details: readonly ErrorDetail[]) {
    super(
      AttemptErrorCode.ANSWER_INVALID,
      `The answer does not fit the question: ${details.map((d) => `${d.field ?? ''} ${d.reason}`).join('; ')}.`,
      details,
    );
  }
}

export class TooEarlyToSubmitError extends DomainError {
  constructor(earliest: Date) {
    super(
      AttemptErrorCode.TOO_EARLY_TO_SUBMIT,
      `This exam accepts submissions from ${earliest.toISOString()}; keep working until then.`,
      [{ field: 'earliestSubmitAt', reason: earliest.toISOString() }],
    );
  }
}

export class AttemptPausedError extends DomainError {
  constructor(pausedAt: Date) {
    super(AttemptErrorCode.PAUSED, undefined, [{ field: 'pausedAt', reason: pausedAt.toISOString() }]);
  }
}

export class AttemptTerminatedError extends DomainError {
  constructor() {
    super(AttemptErrorCode.TERMINATED);
  }
}

export class PaperUnavailableError extends DomainError {
  constructor() {
    super(AttemptErrorCode.PAPER_UNAVAILABLE);
  }
}
