import { defineErrorCodes, DomainError } from '@exam/platform';

export const StatementErrorCode = defineErrorCodes('STATEMENT', {
  DATE_INVALID: {
    kind: 'invalid',
    meaning: 'The statement date is not a calendar day, or it is after today (Asia/Shanghai).',
    action: 'Send a past or current merchant day as YYYY-MM-DD (statements follow the Beijing day).',
  },
  PROVIDER_NOT_OFFERED: {
    kind: 'invalid',
    meaning: 'This payment provider is not configured here, so it has no statement to compare.',
    action: 'Choose a configured provider (wechat or alipay).',
  },
  RUN_IN_PROGRESS: {
    kind: 'conflict',
    meaning: 'The comparison of this provider and day is running now.',
    action: 'Wait a minute and list the day’s runs, or try again when it has finished.',
  },
  UNAVAILABLE: {
    kind: 'unavailable',
    meaning: 'The provider’s statement could not be downloaded or read; the run is recorded as failed.',
    action: 'Try again later; the run’s failure says what went wrong. The daily job also retries.',
  },
  MISMATCH_NOT_FOUND: {
    kind: 'not_found',
    meaning: 'No statement mismatch with this id is visible to you.',
    action: 'List the mismatches and pick one of them.',
  },
  ALREADY_RESOLVED: {
    kind: 'conflict',
    meaning: 'This mismatch was already resolved.',
    action: 'Read its resolution; nothing more is needed.',
  },
});

export class StatementDateInvalidError extends DomainError {
  constructor(detail: string) {
    super(StatementErrorCode.DATE_INVALID, detail);
  }
}

export class StatementProviderNotOfferedError extends DomainError {
  constructor() {
    super(StatementErrorCode.PROVIDER_NOT_OFFERED);
  }
}

export class StatementRunInProgressError extends DomainError {
  constructor() {
    super(StatementErrorCode.RUN_IN_PROGRESS);
  }
}

export class StatementUnavailableError extends DomainError {
  constructor(failure: string) {
    super(
      StatementErrorCode.UNAVAILABLE,
      `The provider’s statement could not be compared (${failure.slice(0, 160)}); try again later.`,
    );
  }
}

export class StatementMismatchNotFoundError extends DomainError {
  constructor() {
    super(StatementErrorCode.MISMATCH_NOT_FOUND);
  }
}

export class StatementMismatchResolvedError extends DomainError {
  constructor() {
    super(StatementErrorCode.ALREADY_RESOLVED);
  }
}
