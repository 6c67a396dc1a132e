import { defineErrorCodes, DomainError } from '@exam/platform';

export const AccountActionErrorCode = defineErrorCodes('ACCOUNT_ACTION', {
  SELF: {
    kind: 'forbidden',
    meaning: 'Staff asked for a security action on their own account.',
    action: 'Ask another member of the security staff to take the action.',
  },
  ALERT_NOT_FOUND: {
    kind: 'invalid',
    meaning: 'The alert the action refers to does not exist.',
    action: 'Pass the id of an existing alert in alertId, or leave it out.',
  },
});

export class SelfAccountActionError extends DomainError {
  constructor() {
    super(AccountActionErrorCode.SELF, 'Staff cannot take security actions on their own account.');
  }
}

export class AccountActionAlertNotFoundError extends DomainError {
  constructor(alertId: string) {
    super(AccountActionErrorCode.ALERT_NOT_FOUND, `No alert ${alertId}.`, [
      { field: 'alertId', reason: 'no such alert' },
    ]);
  }
}
