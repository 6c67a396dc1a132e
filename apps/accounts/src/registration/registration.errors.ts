import { DomainError } from '@exam/platform';

import { AccountErrorCode } from '../users/users.errors';

export class ContactTakenError extends DomainError {
  constructor(field: 'phone' | 'email') {
    super(
      AccountErrorCode.CONTACT_TAKEN,
      `An account with this ${field} already exists; sign in or reset the password.`,
      [{ field, reason: 'already registered' }],
    );
  }
}

export class UsernameTakenError extends DomainError {
  constructor() {
    super(AccountErrorCode.USERNAME_TAKEN, 'This user name is taken; choose another.', [
      { field: 'username', reason: 'already taken' },
    ]);
  }
}

export class RegistrationNotFoundError extends DomainError {
  constructor() {
    super(AccountErrorCode.REGISTRATION_NOT_FOUND, 'No pending registration with this id; start again.');
  }
}
