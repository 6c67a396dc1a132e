import { DomainError } from '@exam/platform';

import { IdentityErrorCode } from '../identity.errors';

export class NotificationRejectedError extends DomainError {
  constructor(reason: string) {
    super(IdentityErrorCode.AUTHORITY_NOTIFICATION_REJECTED, `Notification refused: ${reason}.`);
  }
}
