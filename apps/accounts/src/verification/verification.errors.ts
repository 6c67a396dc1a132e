import { defineErrorCodes, DomainError } from '@exam/platform';

export const VerificationErrorCode = defineErrorCodes('VERIFICATION', {
  CODE_WRONG: {
    kind: 'invalid',
    meaning: 'The one-time code does not match the one sent.',
    action: 'Enter the code from the latest message; the attempts left are in the message.',
  },
  CODE_EXPIRED: {
    kind: 'gone',
    meaning: 'The one-time code has expired, was used, or none was sent.',
    action: 'Ask for a new code.',
  },
  TOO_MANY_ATTEMPTS: {
    kind: 'too_many',
    meaning: 'Too many wrong codes were entered for this code.',
    action: 'Ask for a new code.',
  },
  RESEND_TOO_SOON: {
    kind: 'too_many',
    meaning: 'A code was sent moments ago.',
    action: 'Wait the seconds the message gives, then ask again.',
  },
});

export class CodeWrongError extends DomainError {
  constructor(attemptsLeft: number) {
    super(VerificationErrorCode.CODE_WRONG, `The code is not correct; ${attemptsLeft} attempt(s) left.`, [
      { field: 'code', reason: 'does not match the code we sent' },
    ]);
  }
}

export class CodeExpiredError extends DomainError {
  constructor() {
    super(VerificationErrorCode.CODE_EXPIRED, 'The code has expired or was used up; ask for a new one.');
  }
}

export class CodeAttemptsExhaustedError extends DomainError {
  constructor() {
    super(VerificationErrorCode.TOO_MANY_ATTEMPTS, 'Too many wrong codes; ask for a new one.');
  }
}

export class ResendTooSoonError extends DomainError {
  constructor(seconds: number) {
    super(
      VerificationErrorCode.RESEND_TOO_SOON,
      `A code was sent moments ago; you can ask again in ${seconds} s.`,
    );
  }
}
