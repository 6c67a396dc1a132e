import { defineErrorCodes, DomainError } from '@exam/platform';

import { MAX_REPORT_DAYS } from './domain/report-range';

export const ReportErrorCode = defineErrorCodes('REPORT', {
  RANGE_INVALID: {
    kind: 'invalid',
    meaning: 'The report range is not two real dates with `from` on or before `to`.',
    action: 'Send from and to as YYYY-MM-DD days (Asia/Shanghai), from on or before to.',
  },
  RANGE_TOO_LONG: {
    kind: 'invalid',
    meaning: `A report covers at most ${MAX_REPORT_DAYS} days.`,
    action: `Ask for at most ${MAX_REPORT_DAYS} days at a time and add the reports up.`,
  },
});

export class ReportRangeInvalidError extends DomainError {
  constructor(detail: string) {
    super(ReportErrorCode.RANGE_INVALID, detail);
  }
}

export class ReportRangeTooLongError extends DomainError {
  constructor() {
    super(
      ReportErrorCode.RANGE_TOO_LONG,
      `The range is longer than ${MAX_REPORT_DAYS} days: ask for at most ${MAX_REPORT_DAYS} days at a time.`,
    );
  }
}
