import { defineErrorCodes, DomainError } from '@exam/platform';

export const SessionErrorCode = defineErrorCodes('SESSION', {
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No active session of yours has this id.',
    action: 'List your sessions and pick one.',
  },
});

export class SessionNotFoundError extends DomainError {
  constructor() {
    super(SessionErrorCode.NOT_FOUND, 'You have no active session with this id.');
  }
}
