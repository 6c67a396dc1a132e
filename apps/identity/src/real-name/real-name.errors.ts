import { DomainError } from '@exam/platform';

import { IdentityErrorCode } from '../identity.errors';

export class AlreadyVerifiedError extends DomainError {
  constructor() {
    super(
      IdentityErrorCode.ALREADY_VERIFIED,
      'Your real name is already verified. To correct it, file a change request at POST /api/identity/real-name/appeals with kind "change_request".',
    );
  }
}

/** Never names the other account or any of its data. */
export class AlreadyFaceVerifiedError extends DomainError {
  constructor() {
    super(
      IdentityErrorCode.ALREADY_FACE_VERIFIED,
      'Your real name is already verified with your face; nothing more is needed.',
    );
  }
}

export class IdNumberTakenError extends DomainError {
  constructor() {
    super(
      IdentityErrorCode.ID_NUMBER_ALREADY_VERIFIED,
      'This ID number is already verified on another account. If it is yours, file an appeal at POST /api/identity/real-name/appeals with kind "id_number_taken"; staff will review it.',
    );
  }
}

export class AttemptBudgetExhaustedError extends DomainError {
  constructor(limit: number) {
    super(
      IdentityErrorCode.ATTEMPT_BUDGET_EXHAUSTED,
      `You have used all ${limit} real-name verification attempts for today; try again tomorrow (China time).`,
    );
  }
}

export class GuardianConsentRequiredError extends DomainError {
  constructor() {
    super(
      IdentityErrorCode.GUARDIAN_CONSENT_REQUIRED,
      'The ID number belongs to a child under 14: a guardian must consent first. Resend with "guardian" (name, ID number, relationship); the guardian is verified too.',
      [{ field: 'guardian', reason: 'required for applicants under 14' }],
    );
  }
}

export class GuardianNotAdultError extends DomainError {
  constructor() {
    super(IdentityErrorCode.GUARDIAN_NOT_ADULT, 'The guardian must be at least 18 years old.', [
      { field: 'guardian.idNumber', reason: 'guardian is under 18' },
    ]);
  }
}

export class GuardianVerificationFailedError extends DomainError {
  constructor(result: string) {
    super(
      IdentityErrorCode.GUARDIAN_VERIFICATION_FAILED,
      `The guardian's name and ID number could not be verified (${result}).`,
      [{ field: 'guardian', reason: result }],
    );
  }
}

export class InvalidValidityPeriodError extends DomainError {
  constructor(field: string, reason: string) {
    super(IdentityErrorCode.VALIDITY_PERIOD, `The ID card validity period is not valid: ${reason}`, [
      { field, reason },
    ]);
  }
}

export class AuthorityUnavailableError extends DomainError {
  constructor(result: 'rate_limited' | 'provider_error') {
    super(
      result === 'rate_limited'
        ? IdentityErrorCode.AUTHORITY_RATE_LIMITED
        : IdentityErrorCode.AUTHORITY_UNAVAILABLE,
      'The real-name authority could not answer right now; nothing was decided about your data. Try again in a few minutes.',
    );
  }
}

export class RealNameNotFoundError extends DomainError {
  constructor() {
    super(
      IdentityErrorCode.REAL_NAME_NOT_VERIFIED,
      'No verified real name yet; verify at POST /api/identity/real-name/verifications.',
    );
  }
}

export class AppealAlreadyOpenError extends DomainError {
  constructor() {
    super(
      IdentityErrorCode.APPEAL_ALREADY_OPEN,
      'You already have an open appeal of this kind; staff will answer it first.',
    );
  }
}

export class AppealNotApplicableError extends DomainError {
  constructor(reason: string) {
    super(IdentityErrorCode.APPEAL_NOT_APPLICABLE, reason);
  }
}

export class AppealNotFoundError extends DomainError {
  constructor() {
    super(IdentityErrorCode.APPEAL_NOT_FOUND, 'No such appeal.');
  }
}

export class AppealAlreadyDecidedError extends DomainError {
  constructor() {
    super(IdentityErrorCode.APPEAL_ALREADY_DECIDED, 'This appeal has already been decided.');
  }
}

export class GuardianConsentNotFoundError extends DomainError {
  constructor() {
    super(
      IdentityErrorCode.GUARDIAN_CONSENT_NOT_FOUND,
      'No guardian consent is on file for this account; there is nothing to withdraw.',
    );
  }
}

/** Says neither which of the two values was wrong nor anything about the guardian on file. */
export class GuardianMismatchError extends DomainError {
  constructor(attemptsLeftToday: number) {
    super(
      IdentityErrorCode.GUARDIAN_MISMATCH,
      `The name and ID number are not those of the guardian who consented; only that guardian can withdraw the consent. ${attemptsLeftToday} attempts left today.`,
      [{ field: 'guardianIdNumber', reason: 'does not match the consenting guardian' }],
    );
  }
}
