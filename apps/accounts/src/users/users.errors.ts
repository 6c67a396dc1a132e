import { defineErrorCodes, DomainError, RequestErrorCode } from '@exam/platform';

/** Codes about the account itself, shared by registration, credentials and contact changes. */
export const AccountErrorCode = defineErrorCodes('ACCOUNT', {
  CONTACT_TAKEN: {
    kind: 'conflict',
    meaning: 'Another account already holds this phone number or email address.',
    action: 'Sign in with that account or reset its password.',
  },
  USERNAME_TAKEN: {
    kind: 'conflict',
    meaning: 'Another account already has this user name.',
    action: 'Choose another user name.',
  },
  REGISTRATION_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No pending registration has this id (unknown, completed or removed).',
    action: 'Start the registration again.',
  },
  CURRENT_PASSWORD_WRONG: {
    kind: 'invalid',
    meaning: 'The current password given to confirm the change is not correct.',
    action: 'Enter your current password.',
  },
  WEAK_PASSWORD: {
    kind: 'invalid',
    meaning: 'The new password breaks the password policy (length, common password, own identifiers).',
    action: 'Choose a password that meets every rule listed in details.',
  },
});

/** Phone or email, never both: the request must name exactly one contact. */
export class OneContactOnlyError extends DomainError {
  constructor(first: string, second: string) {
    super(RequestErrorCode.INVALID, `Give either ${first} or ${second}, not both.`, [
      { field: second, reason: `give either ${first} or ${second}, not both` },
    ]);
  }
}
