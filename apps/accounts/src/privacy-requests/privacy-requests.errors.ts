import { DomainError } from '@exam/platform';

import { PrivacyErrorCode } from '../privacy/privacy.errors';

export interface SoleAdminInstitution {
  readonly institutionId: string;
  readonly name: string;
}

export class SoleInstitutionAdminError extends DomainError {
  constructor(institutions: readonly SoleAdminInstitution[]) {
    super(
      PrivacyErrorCode.SOLE_INSTITUTION_ADMIN,
      `You are the only administrator of ${institutions.map((i) => `"${i.name}"`).join(', ')}. Invite another administrator ` +
        '(POST institutions/:institutionId/invitations with role org_admin) and let them accept, or ask platform support to close ' +
        'the institution; then cancel your account again.',
      institutions.map((i) => ({
        field: 'institutionId',
        reason: `${i.institutionId}: you are its only org_admin`,
      })),
    );
  }
}

export class AccountNotFoundError extends DomainError {
  constructor() {
    super(PrivacyErrorCode.ACCOUNT_NOT_FOUND, 'This account does not exist or was cancelled.');
  }
}
