import { DomainError, NotFoundError } from '@exam/platform';

export interface SoleAdminInstitution {
  readonly institutionId: string;
  readonly name: string;
}

export const soleInstitutionAdmin = (institutions: readonly SoleAdminInstitution[]): DomainError =>
  new DomainError(
    'PRIVACY.SOLE_INSTITUTION_ADMIN',
    'conflict',
    `You are the only administrator of ${institutions.map((i) => `"${i.name}"`).join(', ')}. Invite another administrator ` +
      '(POST institutions/:institutionId/invitations with role org_admin) and let them accept, or ask platform support to close ' +
      'the institution; then cancel your account again.',
    institutions.map((i) => ({
      field: 'institutionId',
      reason: `${i.institutionId}: you are its only org_admin`,
    })),
  );

export const accountNotFound = (): DomainError =>
  new NotFoundError('PRIVACY.ACCOUNT_NOT_FOUND', 'This account does not exist or was cancelled.');
