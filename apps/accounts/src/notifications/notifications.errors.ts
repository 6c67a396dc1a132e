import { defineErrorCodes, DomainError } from '@exam/platform';

export const NotifyErrorCode = defineErrorCodes('NOTIFY', {
  UNAVAILABLE: {
    kind: 'unavailable',
    meaning: 'The mail server did not accept the message.',
    action: 'Try again in a minute.',
  },
  SMS_UNAVAILABLE: {
    kind: 'unavailable',
    meaning: 'No text-message gateway is configured, so codes cannot go to a phone.',
    action: 'Use an email address instead.',
  },
});

export class EmailUnavailableError extends DomainError {
  constructor() {
    super(NotifyErrorCode.UNAVAILABLE, 'We could not send the email just now; try again in a minute.');
  }
}

export class SmsUnavailableError extends DomainError {
  constructor() {
    super(
      NotifyErrorCode.SMS_UNAVAILABLE,
      'Text messages cannot be sent yet; register with an email address.',
    );
  }
}
