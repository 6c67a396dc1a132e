import { defineErrorCodes, DomainError } from '@exam/platform';

/**
 * The FACE area's codes of identity's face checks. `FACE.TICKET_INVALID` belongs to the platform's table
 * (FaceTicketErrorCode, the face ticket is verified there) and is not declared again here.
 */
export const FaceErrorCode = defineErrorCodes('FACE', {
  NOT_FOUND: {
    kind: 'unprocessable',
    meaning: 'No face was found in the image.',
    action: 'Face the camera in good light and try again.',
  },
  MULTIPLE: {
    kind: 'unprocessable',
    meaning: 'More than one face was found in the image.',
    action: 'Make sure exactly one person is in the picture.',
  },
  TOO_SMALL: {
    kind: 'unprocessable',
    meaning: 'The face in the image is too small for a reliable descriptor.',
    action: 'Move closer to the camera.',
  },
  IMAGE_INVALID: {
    kind: 'unprocessable',
    meaning: 'The image could not be decoded.',
    action: 'Send a PNG or JPEG.',
  },
  IMAGE_TOO_LARGE: {
    kind: 'unprocessable',
    meaning: 'The image declares more pixels than a camera frame needs; it is refused before decoding.',
    action: 'Send a frame of at most the limit named in the message (a 1280×720 frame is enough).',
  },
  ENGINE_UNAVAILABLE: {
    kind: 'unavailable',
    meaning: 'The face engine is temporarily unavailable.',
    action: 'Try again shortly.',
  },
  CONSENT_REQUIRED: {
    kind: 'forbidden',
    meaning: 'Face processing needs consent to face biometrics, which is not on file.',
    action: 'Give the consent (consent: true) before enrolling or verifying.',
  },
  ALREADY_ENROLLED: {
    kind: 'conflict',
    meaning: 'A face is already enrolled for this account.',
    action: 'Withdraw the face consent first to enrol again.',
  },
  NOT_ENROLLED: {
    kind: 'not_found',
    meaning: 'No face is enrolled for this account.',
    action: 'Enrol first.',
  },
  CHALLENGE_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'The liveness challenge does not exist for this caller.',
    action: 'Request a new challenge.',
  },
  CHALLENGE_EXPIRED: {
    kind: 'gone',
    meaning: 'The liveness challenge has expired or was already used.',
    action: 'Request a new challenge.',
  },
  CHALLENGE_MISMATCH: {
    kind: 'invalid',
    meaning: 'The answer does not fit the challenge (nonce or number of frames).',
    action: 'Answer with the challenge’s nonce and one frame per step, in order.',
  },
  EXAM_ID_REQUIRED: {
    kind: 'invalid',
    meaning: 'A face check for an exam (exam_start or exam_proctor) names no exam.',
    action: 'Send examId with the exam_start and exam_proctor purposes.',
  },
  ATTEMPTS_EXHAUSTED: {
    kind: 'too_many',
    meaning:
      'Too many failed face checks today for this purpose; face checks are locked until tomorrow (UTC).',
    action: 'Ask for a human review of a failed check (POST /face/reviews) or try again tomorrow.',
  },
  VERIFICATION_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No face check of this caller has this id.',
    action: 'Use the verificationId of one of your own face checks.',
  },
  REVIEW_NOT_APPLICABLE: {
    kind: 'conflict',
    meaning: 'Only a failed face check can be sent for human review, and only once.',
    action: 'Nothing to do for a passed or already reviewed check.',
  },
  REVIEW_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No face review request has this id.',
    action: 'List the open reviews and pick one.',
  },
  REVIEW_CLOSED: {
    kind: 'conflict',
    meaning: 'The review has already been resolved.',
    action: 'Nothing to do; pick an open review.',
  },
  SIGN_IN_UNAVAILABLE: {
    kind: 'conflict',
    meaning: 'Face verification is not set up for this account.',
    action: 'Sign in with the password or a one-time code instead.',
  },
  TOO_MANY_FAILURES_FROM_NETWORK: {
    kind: 'too_many',
    meaning: 'Too many failed face checks before sign-in came from this network in the last hour.',
    action: 'Sign in with the password or a one-time code, or try again later.',
  },
  REAL_NAME_FACE_REQUIRED: {
    kind: 'forbidden',
    meaning:
      'Exam face checks (at the start and periodic ones during the exam) compare with the face verified with your real name, and your real name was not verified with the face step.',
    action:
      'Verify your real name with the face step (POST /api/identity/real-name/face-challenges, then the verification with `face`).',
  },
  NOT_VERIFIED_PERSON: {
    kind: 'forbidden',
    meaning: 'The face does not match the face the authority verified with your real name.',
    action: 'Enrol a picture of yourself, the person whose real name this account verified.',
  },
  IMAGE_POLICY_INVALID: {
    kind: 'invalid',
    meaning: 'The institution’s raw-image policy breaks its rules.',
    action: 'Give retentionDays (1-365) only when keepRawImage is true.',
  },
});

export class FaceNotFoundError extends DomainError {
  constructor(field = 'image') {
    super(
      FaceErrorCode.NOT_FOUND,
      'No face was found in the image. Face the camera in good light and try again.',
      [{ field, reason: 'no face detected' }],
    );
  }
}

export class FaceMultipleError extends DomainError {
  constructor(count: number, field = 'image') {
    super(FaceErrorCode.MULTIPLE, `${count} faces were found; exactly one person must be in the picture.`, [
      { field, reason: `${count} faces detected` },
    ]);
  }
}

export class FaceTooSmallError extends DomainError {
  constructor(widthPx: number, minPx: number, field = 'image') {
    super(
      FaceErrorCode.TOO_SMALL,
      `The face is ${Math.round(widthPx)} px wide; move closer (at least ${minPx} px).`,
      [{ field, reason: `face narrower than ${minPx} px` }],
    );
  }
}

export class FaceImageInvalidError extends DomainError {
  constructor(message: string, field = 'image') {
    super(FaceErrorCode.IMAGE_INVALID, `The image is not usable: ${message}. Send a PNG or JPEG.`, [
      { field, reason: message },
    ]);
  }
}

export class FaceImageTooLargeError extends DomainError {
  constructor(width: number, height: number, maxSidePx: number, maxPixels: number, field = 'image') {
    super(
      FaceErrorCode.IMAGE_TOO_LARGE,
      `The image declares ${width}×${height} pixels; send at most ${maxSidePx} px per side and ${maxPixels} pixels in all.`,
      [{ field, reason: `larger than ${maxSidePx} px per side or ${maxPixels} pixels` }],
    );
  }
}

export class FaceEngineUnavailableError extends DomainError {
  constructor(message: string) {
    super(
      FaceErrorCode.ENGINE_UNAVAILABLE,
      `Face verification is temporarily unavailable (${message}). Try again shortly.`,
    );
  }
}

export class FaceConsentRequiredError extends DomainError {
  constructor() {
    super(
      FaceErrorCode.CONSENT_REQUIRED,
      'Face processing needs your consent to face biometrics; give it (consent: true) before enrolling or verifying.',
    );
  }
}

export class FaceAlreadyEnrolledError extends DomainError {
  constructor() {
    super(
      FaceErrorCode.ALREADY_ENROLLED,
      'A face is already enrolled; withdraw the face consent first to enrol again.',
    );
  }
}

export class FaceNotEnrolledError extends DomainError {
  constructor() {
    super(FaceErrorCode.NOT_ENROLLED, 'No face is enrolled for this account; enrol first.');
  }
}

export class FaceChallengeNotFoundError extends DomainError {
  constructor() {
    super(FaceErrorCode.CHALLENGE_NOT_FOUND, 'The liveness challenge does not exist; request a new one.');
  }
}

export class FaceChallengeExpiredError extends DomainError {
  constructor() {
    super(
      FaceErrorCode.CHALLENGE_EXPIRED,
      'The liveness challenge has expired or was already used; request a new one.',
    );
  }
}

export class FaceChallengeMismatchError extends DomainError {
  constructor(reason: string) {
    super(FaceErrorCode.CHALLENGE_MISMATCH, `The answer does not fit the challenge: ${reason}.`, [
      { field: 'frames', reason },
    ]);
  }
}

export class FaceExamIdRequiredError extends DomainError {
  constructor() {
    super(
      FaceErrorCode.EXAM_ID_REQUIRED,
      'examId is required for the exam_start and exam_proctor purposes.',
      [{ field: 'examId', reason: 'required when purpose is exam_start or exam_proctor' }],
    );
  }
}

export class FaceAttemptsExhaustedError extends DomainError {
  constructor(purpose: string, limit: number) {
    super(
      FaceErrorCode.ATTEMPTS_EXHAUSTED,
      `${limit} failed face checks today for ${purpose}; face checks are locked until tomorrow (UTC). ` +
        'You can ask for a human review: POST /face/reviews with the id of a failed check.',
    );
  }
}

export class FaceVerificationNotFoundError extends DomainError {
  constructor() {
    super(FaceErrorCode.VERIFICATION_NOT_FOUND, 'No such face check for this account.');
  }
}

export class FaceReviewNotApplicableError extends DomainError {
  constructor() {
    super(
      FaceErrorCode.REVIEW_NOT_APPLICABLE,
      'Only a failed face check can be sent for human review, and only once.',
    );
  }
}

export class FaceReviewNotFoundError extends DomainError {
  constructor() {
    super(FaceErrorCode.REVIEW_NOT_FOUND, 'No such face review request.');
  }
}

export class FaceReviewClosedError extends DomainError {
  constructor() {
    super(FaceErrorCode.REVIEW_CLOSED, 'This review has already been resolved.');
  }
}

/**
 * Before sign-in, "no consent" and "not enrolled" are one answer, the same for an account that does not exist:
 * a stranger holding a face ticket learns nothing more than that face sign-in is not available.
 */
export class FaceSignInUnavailableError extends DomainError {
  constructor() {
    super(
      FaceErrorCode.SIGN_IN_UNAVAILABLE,
      'Face verification is not set up for this account; use your password or a one-time code instead.',
    );
  }
}

/** Failed pre-sign-in face checks from one network past the hourly limit: 429 before any face work. */
export class FaceTooManyFailuresFromNetworkError extends DomainError {
  constructor() {
    super(
      FaceErrorCode.TOO_MANY_FAILURES_FROM_NETWORK,
      'Too many failed face checks from your network; sign in with your password or a one-time code, or try again later.',
    );
  }
}

/** An exam-start face check for an account whose real name was not verified with the face step. */
export class FaceRealNameFaceRequiredError extends DomainError {
  constructor() {
    super(
      FaceErrorCode.REAL_NAME_FACE_REQUIRED,
      'Exam-start face checks need a real name verified with the face step; verify your real name with a live capture first.',
    );
  }
}

/** Enrolment of a face that is not the one the authority verified for this account's real name. */
export class FaceNotVerifiedPersonError extends DomainError {
  constructor(distance: number, threshold: number) {
    super(
      FaceErrorCode.NOT_VERIFIED_PERSON,
      'This face does not match the face verified with your real name; enrol a picture of yourself.',
      [{ field: 'image', reason: `distance ${distance.toFixed(3)} to the verified face > ${threshold}` }],
    );
  }
}
