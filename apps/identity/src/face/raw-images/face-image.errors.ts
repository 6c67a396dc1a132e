import { AuthErrorCode, DomainError } from '@exam/platform';

import { FaceErrorCode } from '../face.errors';

export class FaceImagePolicyInvalidError extends DomainError {
  constructor(field: string, reason: string) {
    super(FaceErrorCode.IMAGE_POLICY_INVALID, `The raw-image policy is not valid: ${field} ${reason}.`, [
      { field, reason },
    ]);
  }
}

export class FaceInstitutionNotMemberError extends DomainError {
  constructor() {
    super(
      AuthErrorCode.TENANT_FORBIDDEN,
      'You can enrol for an institution only as one of its members; enrol without an institution, or ask the institution to add you.',
    );
  }
}
