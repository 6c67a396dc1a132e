import { defineErrorCodes, DomainError } from '@exam/platform';

export const ContactErrorCode = defineErrorCodes('CONTACT', {
  NO_CHANGE_PENDING: {
    kind: 'gone',
    meaning: 'No phone or email change is waiting for a code (none asked, confirmed, or replaced).',
    action: 'Ask for the change again.',
  },
  UNCHANGED: {
    kind: 'invalid',
    meaning: 'The new phone or email is the one the account already has.',
    action: 'Give a different phone number or email address.',
  },
});

export class NoContactChangePendingError extends DomainError {
  constructor() {
    super(
      ContactErrorCode.NO_CHANGE_PENDING,
      'No phone or email change is waiting for a code; ask for a new one.',
    );
  }
}

export class SameContactError extends DomainError {
  constructor(field: 'phone' | 'email') {
    super(ContactErrorCode.UNCHANGED, `This is already your ${field}.`, [
      { field, reason: 'is your current value' },
    ]);
  }
}
