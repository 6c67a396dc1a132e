import { DomainError } from '../errors/domain-error';
import { FaceCheckErrorCode } from '../errors/platform.error-codes';

export type FaceCheckRejection =
  | 'MALFORMED'
  | 'UNKNOWN_KEY'
  | 'BAD_SIGNATURE'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'WRONG_PURPOSE'
  | 'WRONG_EXAM'
  | 'WRONG_USER'
  | 'WRONG_REQUEST';

const MESSAGES: Readonly<Record<FaceCheckRejection, string>> = {
  MALFORMED: 'The face-check token is malformed.',
  UNKNOWN_KEY: 'The face-check token was signed with an unknown key.',
  BAD_SIGNATURE: 'The face-check token signature is invalid.',
  EXPIRED: 'The face-check token has expired; do the face check again.',
  NOT_YET_VALID: 'The face-check token is not valid yet.',
  WRONG_PURPOSE: 'The face-check token was issued for another purpose.',
  WRONG_EXAM: 'The face-check token was issued for another exam.',
  WRONG_USER: 'The face-check token was issued for another user.',
  WRONG_REQUEST: 'The face-check token was issued for another request; do the face check this page asks for.',
};

/** Why a face-check token was refused; code `FACE_CHECK.<REASON>`, HTTP 403 through the platform filter. */
export class FaceCheckTokenRejectedError extends DomainError {
  constructor(readonly reason: FaceCheckRejection) {
    super(FaceCheckErrorCode[reason], MESSAGES[reason], [
      { field: 'faceCheckToken', reason: reason.toLowerCase() },
    ]);
  }
}
