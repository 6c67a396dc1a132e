import { defineErrorCodes, DomainError } from '@exam/platform';

/**
 * The sign-in codes of accounts (password, refresh, step-up, face). The platform's own AUTH codes
 * (UNAUTHENTICATED, FORBIDDEN, …) live in its table; these are the ones only accounts answers with.
 */
export const AccountsAuthErrorCode = defineErrorCodes('AUTH', {
  INVALID_CREDENTIALS: {
    kind: 'unauthenticated',
    meaning:
      'The account is unknown, the password is wrong, or the account cannot sign in (same answer for each).',
    action: 'Check the login and password; after several failures wait, or reset the password.',
  },
  TOO_MANY_ATTEMPTS: {
    kind: 'too_many',
    meaning: 'Too many failed sign-ins came from this network in the last minute.',
    action: 'Wait a minute and try again.',
  },
  REFRESH_INVALID: {
    kind: 'unauthenticated',
    meaning: 'The refresh token is missing, unknown, used or its session has ended.',
    action: 'Sign in again.',
  },
  STEP_UP_INVALID: {
    kind: 'gone',
    meaning: 'The sign-in confirmation expired, was completed, or the account was locked meanwhile.',
    action: 'Sign in again.',
  },
  FACE_CHECK_USED: {
    kind: 'conflict',
    meaning: 'This face-check token has already been used.',
    action: 'Do the face check again.',
  },
  PASSWORD_CHECK_BUSY: {
    kind: 'unavailable',
    meaning: 'Too many password checks are waiting on this server; nothing was checked or counted.',
    action: 'Try again in a few seconds.',
  },
  PASSWORD_CHECKS_PAUSED: {
    kind: 'too_many',
    meaning: 'Too many wrong passwords were given for this account, at sign-in or when confirming a change.',
    action: 'Wait a few minutes before giving the password again, or reset it.',
  },
  ACCOUNT_LOCKED: {
    kind: 'forbidden',
    meaning:
      'The password is correct, but the account is locked for its protection after a risky sign-in or by security staff.',
    action:
      'Unlock it yourself by resetting your password with a code sent to your proven phone or email, or appeal to security staff; a notice with these steps was sent to you.',
  },
  FACE_SIGN_IN_REFUSED: {
    kind: 'unauthenticated',
    meaning: 'The face check passed, but the account is not active or is locked for review.',
    action: 'Sign in with your password or contact support.',
  },
  FACE_RECENTLY_ENROLLED: {
    kind: 'forbidden',
    meaning:
      'The face was enrolled (or enrolled again) too recently to sign in or recover the password with it.',
    action: 'Sign in with your password, or reset it with the code sent to your phone or email.',
  },
});

/** One answer for unknown account, wrong password, unverified and locked account: nothing reveals which. */
export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(
      AccountsAuthErrorCode.INVALID_CREDENTIALS,
      'The account or password is not correct. After several failures sign-in pauses for a while; you can reset your password.',
    );
  }
}

export class TooManyAttemptsError extends DomainError {
  constructor() {
    super(
      AccountsAuthErrorCode.TOO_MANY_ATTEMPTS,
      'Too many failed sign-ins from your network; wait a minute and try again.',
    );
  }
}

export class RefreshRejectedError extends DomainError {
  constructor() {
    super(
      AccountsAuthErrorCode.REFRESH_INVALID,
      'Your session has ended or the refresh token is not valid; sign in again.',
    );
  }
}

export class StepUpInvalidError extends DomainError {
  constructor() {
    super(
      AccountsAuthErrorCode.STEP_UP_INVALID,
      'This verification has expired or was completed; sign in again.',
    );
  }
}

export class PasswordCheckBusyError extends DomainError {
  constructor() {
    super(
      AccountsAuthErrorCode.PASSWORD_CHECK_BUSY,
      'The server is busy checking other passwords; nothing was counted. Try again in 2 seconds.',
    );
  }
}

/** Only after the correct password: a guesser learns nothing, the owner learns what happened and what to do. */
export class AccountLockedError extends DomainError {
  constructor() {
    super(
      AccountsAuthErrorCode.ACCOUNT_LOCKED,
      'Your account is locked for your protection after an unusual sign-in or by security staff. Reset your password with a code sent to your proven phone or email to unlock it, or appeal to security staff; we sent you a notice with these steps.',
    );
  }
}

export class PasswordChecksPausedError extends DomainError {
  constructor() {
    super(
      AccountsAuthErrorCode.PASSWORD_CHECKS_PAUSED,
      'Too many wrong passwords for this account; wait a few minutes before trying again, or reset your password.',
    );
  }
}
