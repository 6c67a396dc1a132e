import { defineErrorCodes, DomainError, type ErrorDetail } from '@exam/platform';

export const RegistrationErrorCode = defineErrorCodes('REGISTRATION', {
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No registration with this id is visible to you.',
    action: 'List your registrations (or the exam’s) and pick one.',
  },
  WINDOW_CLOSED: {
    kind: 'conflict',
    meaning: 'The exam’s registration window is not open now.',
    action: 'Register between the exam’s registrationOpensAt and registrationClosesAt (see its notice).',
  },
  FULL: {
    kind: 'conflict',
    meaning: 'Every seat of the exam is taken.',
    action: 'Choose another exam or session; a seat may free up if someone cancels.',
  },
  REAL_NAME_REQUIRED: {
    kind: 'forbidden',
    meaning: 'This exam requires a verified real name, and yours is not verified yet.',
    action: 'Verify your real name at POST /api/identity/real-name/verifications, then register again.',
  },
  FACE_VERIFIED_REAL_NAME_REQUIRED: {
    kind: 'forbidden',
    meaning:
      'This exam checks your face at entry against the face verified with your real name, and your real name was not verified with the face step.',
    action:
      'Verify your real name with the face step (POST /api/identity/real-name/face-challenges, then POST /api/identity/real-name/verifications with `face`), then register again.',
  },
  ALREADY_REGISTERED: {
    kind: 'conflict',
    meaning: 'You already hold a registration for this exam.',
    action: 'See it under GET /api/exam/me/registrations; cancel it first to register again.',
  },
  PRACTICE_OPEN: {
    kind: 'conflict',
    meaning: 'Practice exams are open to everyone and need no registration.',
    action: 'Start the practice exam directly.',
  },
  FORM_INVALID: {
    kind: 'invalid',
    meaning: 'The registration form answers do not fit the exam’s form.',
    action:
      'Correct the fields listed in details: answer every required field, only the form’s fields, within their lengths and options.',
  },
  LOCKED_AFTER_ORDER: {
    kind: 'conflict',
    meaning: 'A payment order exists for this registration, so its data is locked.',
    action:
      'To correct it, ask the exam’s institution: staff can reject the registration with a reason (the fee is refunded) so you can register again with the right data.',
  },
  ENDED: {
    kind: 'conflict',
    meaning: 'The registration was cancelled or rejected; it cannot change any more.',
    action: 'Register again while the exam’s registration window is open.',
  },
  NOT_CANCELLABLE: {
    kind: 'conflict',
    meaning:
      'The registration can no longer be cancelled: it is already ended or the registration deadline has passed.',
    action: 'Contact the exam’s institution.',
  },
  NOT_PENDING_REVIEW: {
    kind: 'conflict',
    meaning: 'Only a registration waiting for review can be approved, and only a pending one rejected.',
    action: 'Read the registration’s status.',
  },
  NOT_CONFIRMED: {
    kind: 'conflict',
    meaning: 'The admission ticket exists only for a confirmed registration.',
    action: 'Wait for approval and payment (see the registration’s status).',
  },
  FONT_UNAVAILABLE: {
    kind: 'unavailable',
    meaning: 'The server cannot print Chinese text right now (the CJK font is not installed).',
    action: 'Try again later; the operators have to install the font (Debian package fonts-noto-cjk).',
  },
});

export class RegistrationNotFoundError extends DomainError {
  constructor() {
    super(RegistrationErrorCode.NOT_FOUND);
  }
}

export class RegistrationWindowClosedError extends DomainError {
  constructor(opensAt: Date | null, closesAt: Date | null) {
    super(
      RegistrationErrorCode.WINDOW_CLOSED,
      `Registration for this exam is open from ${opensAt?.toISOString() ?? '-'} to ${closesAt?.toISOString() ?? '-'}; it is not open now.`,
    );
  }
}

export class ExamFullError extends DomainError {
  constructor() {
    super(RegistrationErrorCode.FULL);
  }
}

export class RealNameRequiredError extends DomainError {
  constructor() {
    super(RegistrationErrorCode.REAL_NAME_REQUIRED);
  }
}

export class FaceVerifiedRealNameRequiredError extends DomainError {
  constructor() {
    super(RegistrationErrorCode.FACE_VERIFIED_REAL_NAME_REQUIRED);
  }
}

export class AlreadyRegisteredError extends DomainError {
  constructor() {
    super(RegistrationErrorCode.ALREADY_REGISTERED);
  }
}

export class PracticeExamOpenError extends DomainError {
  constructor() {
    super(RegistrationErrorCode.PRACTICE_OPEN);
  }
}

export class RegistrationFormInvalidError extends DomainError {
  constructor(details: readonly ErrorDetail[]) {
    super(
      RegistrationErrorCode.FORM_INVALID,
      `The form answers do not fit the exam's form: ${details.map((d) => `${d.field ?? ''} ${d.reason}`).join('; ')}.`,
      details,
    );
  }
}

export class RegistrationLockedError extends DomainError {
  constructor() {
    super(
      RegistrationErrorCode.LOCKED_AFTER_ORDER,
      `A payment order exists for this registration, so its data can no longer be edited. ${RegistrationErrorCode.LOCKED_AFTER_ORDER.action}`,
    );
  }
}

export class RegistrationEndedError extends DomainError {
  constructor() {
    super(RegistrationErrorCode.ENDED);
  }
}

export class RegistrationNotCancellableError extends DomainError {
  constructor(reason: string) {
    super(RegistrationErrorCode.NOT_CANCELLABLE, `This registration cannot be cancelled: ${reason}.`);
  }
}

export class RegistrationNotPendingError extends DomainError {
  constructor(status: string) {
    super(
      RegistrationErrorCode.NOT_PENDING_REVIEW,
      `The registration is ${status}; this review step does not apply.`,
    );
  }
}

export class RegistrationNotConfirmedError extends DomainError {
  constructor(status: string) {
    super(
      RegistrationErrorCode.NOT_CONFIRMED,
      `The registration is ${status}; the admission ticket exists once it is confirmed.`,
    );
  }
}

export class TicketFontUnavailableError extends DomainError {
  constructor() {
    super(RegistrationErrorCode.FONT_UNAVAILABLE);
  }
}
