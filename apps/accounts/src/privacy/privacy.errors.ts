import { defineErrorCodes, DomainError } from '@exam/platform';

/** Privacy policy versions and the data subject's requests (copy, cancellation) share the PRIVACY area. */
export const PrivacyErrorCode = defineErrorCodes('PRIVACY', {
  VERSION_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No privacy policy version in force has this name.',
    action: 'List the versions and pick one.',
  },
  VERSION_EXISTS: {
    kind: 'conflict',
    meaning: 'A policy version with this name is already published; published versions never change.',
    action: 'Publish the new text under a new version.',
  },
  POLICY_NOT_ACCEPTED: {
    kind: 'invalid',
    meaning: 'The policy version accepted at registration is not the one in force.',
    action: 'Read the current policy and accept its version (in details).',
  },
  SOLE_INSTITUTION_ADMIN: {
    kind: 'conflict',
    meaning: 'The account is the only administrator of an institution, which would be left without one.',
    action:
      'Have another administrator appointed (or the institution closed), then cancel the account again.',
  },
  ACCOUNT_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'The account does not exist or was cancelled.',
    action: 'Nothing more is held about it here.',
  },
});

export class PolicyVersionNotFoundError extends DomainError {
  constructor() {
    super(PrivacyErrorCode.VERSION_NOT_FOUND, 'No privacy policy with this version.');
  }
}

export class PolicyVersionExistsError extends DomainError {
  constructor() {
    super(
      PrivacyErrorCode.VERSION_EXISTS,
      'This policy version already exists; published versions are never changed.',
      [{ field: 'version', reason: 'already published' }],
    );
  }
}

export class CurrentPolicyNotAcceptedError extends DomainError {
  constructor(current: string) {
    super(
      PrivacyErrorCode.POLICY_NOT_ACCEPTED,
      `Read and accept the current privacy policy (version ${current}) first.`,
      [{ field: 'acceptedPolicyVersion', reason: `must be the current version ${current}` }],
    );
  }
}
