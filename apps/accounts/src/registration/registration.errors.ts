import { DomainError } from '@exam/platform';

export const contactTaken = (field: 'phone' | 'email'): DomainError =>
  new DomainError(
    'ACCOUNTS.CONTACT_TAKEN',
    'conflict',
    `An account with this ${field} already exists; sign in or reset the password.`,
    [{ field, reason: 'already registered' }],
  );

export const usernameTaken = (): DomainError =>
  new DomainError('ACCOUNTS.USERNAME_TAKEN', 'conflict', 'This user name is taken; choose another.', [
    { field: 'username', reason: 'already taken' },
  ]);

export const registrationNotFound = (): DomainError =>
  new DomainError(
    'ACCOUNTS.REGISTRATION_NOT_FOUND',
    'not_found',
    'No pending registration with this id; start again.',
  );
