import { DomainError } from '@exam/platform';

export class FaceImagePolicyInvalidError extends DomainError {
  constructor(field: string, reason: string) {
    super('FACE.IMAGE_POLICY_INVALID', 'invalid', `The raw-image policy is not valid: ${field} ${reason}.`, [
      { field, reason },
    ]);
  }
}

export class FaceInstitutionNotMemberError extends DomainError {
  constructor() {
    super(
      'AUTH.TENANT_FORBIDDEN',
      'forbidden',
      'You can enrol for an institution only as one of its members; enrol without an institution, or ask the institution to add you.',
    );
  }
}
