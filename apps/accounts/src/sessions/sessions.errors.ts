import { DomainError } from '@exam/platform';

export const refreshRejected = (): DomainError =>
  new DomainError(
    'AUTH.REFRESH_INVALID',
    'unauthenticated',
    'Your session has ended or the refresh token is not valid; sign in again.',
  );

export const sessionNotFound = (): DomainError =>
  new DomainError('SESSIONS.NOT_FOUND', 'not_found', 'You have no active session with this id.');
