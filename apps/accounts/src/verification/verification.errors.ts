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
  DAILY_LIMIT: {
    kind: 'too_many',
    meaning: 'Too many codes were sent, or too many wrong codes entered, for this account today.',
    action: 'Wait the hours the message gives, or contact support if you cannot wait.',
  },
  IP_LIMIT: {
    kind: 'too_many',
    meaning: 'Too many codes were asked for, or too many wrong codes entered, from your network today.',
    action: 'Try again tomorrow, from another network, or contact support.',
  },
  CODE_REJECTED: {
    kind: 'invalid',
    meaning:
      'The code does not match, has expired, was used, or was tried too often (the same answer whether or not the account exists).',
    action: 'Check the latest message and enter its code, or ask for a new code.',
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

export class CodeDailyLimitError extends DomainError {
  constructor(seconds: number) {
    super(
      VerificationErrorCode.DAILY_LIMIT,
      `Too many codes for this account today; you can ask again in ${Math.ceil(seconds / 3600)} hour(s).`,
    );
  }
}

export class CodeIpLimitError extends DomainError {
  constructor() {
    super(
      VerificationErrorCode.IP_LIMIT,
      'Too many codes were asked for or entered from your network today; try again tomorrow or from another network.',
    );
  }
}

/** One answer for every failed code on an unauthenticated flow, so it tells nothing about the account. */
export class CodeRejectedError extends DomainError {
  constructor() {
    super(
      VerificationErrorCode.CODE_REJECTED,
      'The code is not correct, has expired or was tried too often; enter the code from the latest message or ask for a new one.',
      [{ field: 'code', reason: 'not accepted' }],
    );
  }
}
