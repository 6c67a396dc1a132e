import { defineErrorCodes, DomainError } from '@exam/platform';

import type { AlertStatus } from './alert-status';

export const AlertErrorCode = defineErrorCodes('ALERT', {
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No security alert has this id.',
    action: 'List the alerts and pick one.',
  },
  INVALID_TRANSITION: {
    kind: 'conflict',
    meaning: 'The review workflow does not allow this move from the alert’s current status.',
    action: 'Reload the alert and take one of the allowed next steps named in the message.',
  },
});

export class AlertNotFoundError extends DomainError {
  constructor(id: string) {
    super(AlertErrorCode.NOT_FOUND, `No alert ${id}.`);
  }
}

export class AlertTransitionError extends DomainError {
  constructor(from: AlertStatus, to: AlertStatus, allowed: readonly AlertStatus[]) {
    super(
      AlertErrorCode.INVALID_TRANSITION,
      `An alert that is ${from} cannot become ${to}; allowed next: ${allowed.length === 0 ? 'none (it is closed)' : allowed.join(', ')}.`,
    );
  }
}
