import { DomainError } from '@exam/platform';

/** One answer for unknown account, wrong password, unverified and locked account: nothing reveals which. */
export const invalidCredentials = (): DomainError =>
  new DomainError(
    'AUTH.INVALID_CREDENTIALS',
    'unauthenticated',
    'The account or password is not correct. After several failures sign-in pauses for a while; you can reset your password.',
  );

export const tooManyAttempts = (): DomainError =>
  new DomainError(
    'AUTH.TOO_MANY_ATTEMPTS',
    'too_many',
    'Too many failed sign-ins from your network; wait a minute and try again.',
  );
