import { DomainError } from '@exam/platform';

export const noContactChangePending = (): DomainError =>
  new DomainError(
    'CONTACTS.NO_CHANGE_PENDING',
    'gone',
    'No phone or email change is waiting for a code; ask for a new one.',
  );

export const sameContact = (field: 'phone' | 'email'): DomainError =>
  new DomainError('CONTACTS.UNCHANGED', 'invalid', `This is already your ${field}.`, [
    { field, reason: 'is your current value' },
  ]);
