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

/** Face sign-in or recovery within the cooling period after a (re-)enrolment. */
export class FaceRecentlyEnrolledError extends DomainError {
  constructor() {
    super(
      AccountsAuthErrorCode.FACE_RECENTLY_ENROLLED,
      'Your face was enrolled recently, so it cannot be used to sign in or recover the password yet; sign in with your password or reset it by code.',
    );
  }
}
