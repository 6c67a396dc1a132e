import { defineErrorCodes, DomainError } from '@exam/platform';

export const AppealErrorCode = defineErrorCodes('APPEAL', {
  ATTEMPT_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No assessed sign-in of the caller has this attempt id.',
    action: 'List your login decisions and appeal one of them.',
  },
  NOTHING_TO_APPEAL: {
    kind: 'unprocessable',
    meaning: 'The sign-in was allowed: there is no automated decision against the caller to appeal.',
    action: 'Appeal only a sign-in that was blocked or needed an extra check.',
  },
  ALREADY_FILED: {
    kind: 'conflict',
    meaning: 'An appeal of this sign-in exists already.',
    action: 'Wait for the security staff to review the appeal already filed.',
  },
  NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No appeal of an automated decision has this id.',
    action: 'List the appeals (GET /appeals) and pick one.',
  },
  ALREADY_DECIDED: {
    kind: 'conflict',
    meaning: 'The appeal has been decided already; a decision is final.',
    action: 'Reload the appeal to read the decision and its reason.',
  },
  OWN_APPEAL: {
    kind: 'forbidden',
    meaning: 'Staff may not review an appeal of their own sign-in.',
    action: 'Ask another member of the security staff to review it.',
  },
});

/** Someone else's attempt looks exactly like a missing one: no probing of other accounts. */
export class AppealAttemptNotFoundError extends DomainError {
  constructor(attemptId: string) {
    super(AppealErrorCode.ATTEMPT_NOT_FOUND, `No sign-in ${attemptId} of yours was assessed.`);
  }
}

export class NothingToAppealError extends DomainError {
  constructor() {
    super(
      AppealErrorCode.NOTHING_TO_APPEAL,
      'That sign-in was allowed; there is no automated decision to appeal.',
    );
  }
}

export class AppealAlreadyFiledError extends DomainError {
  constructor() {
    super(AppealErrorCode.ALREADY_FILED, 'An appeal for this sign-in is already being reviewed.');
  }
}

export class AppealNotFoundError extends DomainError {
  constructor() {
    super(AppealErrorCode.NOT_FOUND, 'There is no appeal with this id.');
  }
}

export class AppealAlreadyDecidedError extends DomainError {
  constructor() {
    super(
      AppealErrorCode.ALREADY_DECIDED,
      'This appeal has already been decided; reload it to see the decision.',
    );
  }
}

export class OwnAppealError extends DomainError {
  constructor() {
    super(AppealErrorCode.OWN_APPEAL, 'You cannot review an appeal of your own sign-in; ask a colleague.');
  }
}
