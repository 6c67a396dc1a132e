import { DomainError } from '@exam/platform';

import { AccountErrorCode } from '../users/users.errors';

export class CurrentPasswordWrongError extends DomainError {
  constructor() {
    super(AccountErrorCode.CURRENT_PASSWORD_WRONG, 'Your current password is not correct.', [
      { field: 'currentPassword', reason: 'does not match' },
    ]);
  }
}

/** Re-authentication refused: the password is wrong (counted like a failed sign-in). */
export class ReauthenticationPasswordWrongError extends DomainError {
  constructor() {
    super(AccountErrorCode.CURRENT_PASSWORD_WRONG, 'Your password is not correct; try again.', [
      { field: 'password', reason: 'does not match' },
    ]);
  }
}

export class WeakPasswordError extends DomainError {
  constructor(problems: readonly string[]) {
    super(
      AccountErrorCode.WEAK_PASSWORD,
      `Choose a stronger password: ${problems.join('; ')}.`,
      problems.map((reason) => ({ field: 'password', reason })),
    );
  }
}
