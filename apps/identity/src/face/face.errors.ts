import { DomainError } from '@exam/platform';

export class FaceNotFoundError extends DomainError {
  constructor(field = 'image') {
    super(
      'FACE.NOT_FOUND',
      'unprocessable',
      'No face was found in the image. Face the camera in good light and try again.',
      [{ field, reason: 'no face detected' }],
    );
  }
}

export class FaceMultipleError extends DomainError {
  constructor(count: number, field = 'image') {
    super(
      'FACE.MULTIPLE',
      'unprocessable',
      `${count} faces were found; exactly one person must be in the picture.`,
      [{ field, reason: `${count} faces detected` }],
    );
  }
}

export class FaceTooSmallError extends DomainError {
  constructor(widthPx: number, minPx: number, field = 'image') {
    super(
      'FACE.TOO_SMALL',
      'unprocessable',
      `The face is ${Math.round(widthPx)} px wide; move closer (at least ${minPx} px).`,
      [{ field, reason: `face narrower than ${minPx} px` }],
    );
  }
}

export class FaceImageInvalidError extends DomainError {
  constructor(message: string, field = 'image') {
    super('FACE.IMAGE_INVALID', 'unprocessable', `The image is not usable: ${message}. Send a PNG or JPEG.`, [
      { field, reason: message },
    ]);
  }
}

export class FaceEngineUnavailableError extends DomainError {
  constructor(message: string) {
    super(
      'FACE.ENGINE_UNAVAILABLE',
      'unavailable',
      `Face verification is temporarily unavailable (${message}). Try again shortly.`,
    );
  }
}

export class FaceConsentRequiredError extends DomainError {
  constructor() {
    super(
      'FACE.CONSENT_REQUIRED',
      'forbidden',
      'Face processing needs your consent to face biometrics; give it (consent: true) before enrolling or verifying.',
    );
  }
}

export class FaceAlreadyEnrolledError extends DomainError {
  constructor() {
    super(
      'FACE.ALREADY_ENROLLED',
      'conflict',
      'A face is already enrolled; withdraw the face consent first to enrol again.',
    );
  }
}

export class FaceNotEnrolledError extends DomainError {
  constructor() {
    super('FACE.NOT_ENROLLED', 'not_found', 'No face is enrolled for this account; enrol first.');
  }
}

export class FaceChallengeNotFoundError extends DomainError {
  constructor() {
    super(
      'FACE.CHALLENGE_NOT_FOUND',
      'not_found',
      'The liveness challenge does not exist; request a new one.',
    );
  }
}

export class FaceChallengeExpiredError extends DomainError {
  constructor() {
    super(
      'FACE.CHALLENGE_EXPIRED',
      'gone',
      'The liveness challenge has expired or was already used; request a new one.',
    );
  }
}

export class FaceChallengeMismatchError extends DomainError {
  constructor(reason: string) {
    super('FACE.CHALLENGE_MISMATCH', 'invalid', `The answer does not fit the challenge: ${reason}.`, [
      { field: 'frames', reason },
    ]);
  }
}

export class FaceExamIdRequiredError extends DomainError {
  constructor() {
    super('FACE.EXAM_ID_REQUIRED', 'invalid', 'examId is required for the exam_start purpose.', [
      { field: 'examId', reason: 'required when purpose is exam_start' },
    ]);
  }
}

export class FaceAttemptsExhaustedError extends DomainError {
  constructor(purpose: string, limit: number) {
    super(
      'FACE.ATTEMPTS_EXHAUSTED',
      'too_many',
      `${limit} failed face checks today for ${purpose}; face checks are locked until tomorrow (UTC). ` +
        'You can ask for a human review: POST /face/reviews with the id of a failed check.',
    );
  }
}

export class FaceVerificationNotFoundError extends DomainError {
  constructor() {
    super('FACE.VERIFICATION_NOT_FOUND', 'not_found', 'No such face check for this account.');
  }
}

export class FaceReviewNotApplicableError extends DomainError {
  constructor() {
    super(
      'FACE.REVIEW_NOT_APPLICABLE',
      'conflict',
      'Only a failed face check can be sent for human review, and only once.',
    );
  }
}

export class FaceReviewNotFoundError extends DomainError {
  constructor() {
    super('FACE.REVIEW_NOT_FOUND', 'not_found', 'No such face review request.');
  }
}

export class FaceReviewClosedError extends DomainError {
  constructor() {
    super('FACE.REVIEW_CLOSED', 'conflict', 'This review has already been resolved.');
  }
}

/**
 * Before sign-in, "no consent" and "not enrolled" are one answer, the same for an account that does not exist:
 * a stranger holding a face ticket learns nothing more than that face sign-in is not available.
 */
export class FaceSignInUnavailableError extends DomainError {
  constructor() {
    super(
      'FACE.SIGN_IN_UNAVAILABLE',
      'conflict',
      'Face verification is not set up for this account; use your password or a one-time code instead.',
    );
  }
}
