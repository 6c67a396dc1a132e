import { DomainError } from '@exam/platform';

import type { AlertStatus } from './alert-status';

export class AlertNotFoundError extends DomainError {
  constructor(id: string) {
    super('ALERT.NOT_FOUND', 'not_found', `No alert ${id}.`);
  }
}

export class AlertTransitionError extends DomainError {
  constructor(from: AlertStatus, to: AlertStatus, allowed: readonly AlertStatus[]) {
    super(
      'ALERT.INVALID_TRANSITION',
      'conflict',
      `An alert that is ${from} cannot become ${to}; allowed next: ${allowed.length === 0 ? 'none (it is closed)' : allowed.join(', ')}.`,
    );
  }
}
