import { DomainError, NotFoundError } from '@exam/platform';

export const policyVersionNotFound = (): DomainError =>
  new NotFoundError('PRIVACY.VERSION_NOT_FOUND', 'No privacy policy with this version.');

export const policyVersionExists = (): DomainError =>
  new DomainError(
    'PRIVACY.VERSION_EXISTS',
    'conflict',
    'This policy version already exists; published versions are never changed.',
    [{ field: 'version', reason: 'already published' }],
  );

export const currentPolicyNotAccepted = (current: string): DomainError =>
  new DomainError(
    'PRIVACY.POLICY_NOT_ACCEPTED',
    'invalid',
    `Read and accept the current privacy policy (version ${current}) first.`,
    [{ field: 'acceptedPolicyVersion', reason: `must be the current version ${current}` }],
  );
