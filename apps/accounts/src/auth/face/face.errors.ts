import { DomainError } from '@exam/platform';

import { AccountsAuthErrorCode } from '../auth.errors';

export class FaceCheckUsedError extends DomainError {
  constructor() {
    super(
      AccountsAuthErrorCode.FACE_CHECK_USED,
      'This face check has already been used; do the face check again.',
      [{ field: 'faceCheckToken', reason: 'already_used' }],
    );
  }
}

/** Face sign-in refused after a valid check: the account is not active or is locked for review. Same answer for each. */
export class FaceSignInRefusedError extends DomainError {
  constructor() {
    super(
      AccountsAuthErrorCode.FACE_SIGN_IN_REFUSED,
      'Face sign-in is not possible for this account right now; sign in with your password or contact support.',
    );
  }
}
