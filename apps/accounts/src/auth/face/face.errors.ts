import { DomainError } from '@exam/platform';

export const faceTokenUsed = (): DomainError =>
  new DomainError(
    'AUTH.FACE_CHECK_USED',
    'conflict',
    'This face check has already been used; do the face check again.',
    [{ field: 'faceCheckToken', reason: 'already_used' }],
  );

/** Face sign-in refused after a valid check: the account is not active or is locked for review. Same answer for each. */
export const faceSignInRefused = (): DomainError =>
  new DomainError(
    'AUTH.FACE_SIGN_IN_REFUSED',
    'unauthenticated',
    'Face sign-in is not possible for this account right now; sign in with your password or contact support.',
  );
