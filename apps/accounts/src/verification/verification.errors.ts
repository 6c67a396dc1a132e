import { DomainError } from '@exam/platform';

export const codeWrong = (attemptsLeft: number): DomainError =>
  new DomainError(
    'VERIFICATION.CODE_WRONG',
    'invalid',
    `The code is not correct; ${attemptsLeft} attempt(s) left.`,
    [{ field: 'code', reason: 'does not match the code we sent' }],
  );

export const codeExpired = (): DomainError =>
  new DomainError(
    'VERIFICATION.CODE_EXPIRED',
    'gone',
    'The code has expired or was used up; ask for a new one.',
  );

export const codeAttemptsExhausted = (): DomainError =>
  new DomainError('VERIFICATION.TOO_MANY_ATTEMPTS', 'too_many', 'Too many wrong codes; ask for a new one.');

export const resendTooSoon = (seconds: number): DomainError =>
  new DomainError(
    'VERIFICATION.RESEND_TOO_SOON',
    'too_many',
    `A code was sent moments ago; you can ask again in ${seconds} s.`,
  );
