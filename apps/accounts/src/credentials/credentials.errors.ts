import { DomainError } from '@exam/platform';

export const wrongCurrentPassword = (): DomainError =>
  new DomainError('ACCOUNTS.CURRENT_PASSWORD_WRONG', 'invalid', 'Your current password is not correct.', [
    { field: 'currentPassword', reason: 'does not match' },
  ]);
