import { Injectable } from '@nestjs/common';

import { buildPaymentReport, type PaymentReport } from './domain/payment-report';
import { reportRange } from './domain/report-range';
import { ReportRangeInvalidError, ReportRangeTooLongError } from './report.errors';
import { ReportRepository } from './report.repository';

/** An institution's payments, refunds and net over a range of Shanghai days. */
@Injectable()
export class ReportService {
  constructor(private readonly reports: ReportRepository) {}

  async report(institutionId: string, from: string, to: string): Promise<PaymentReport> {
    const result = reportRange(from, to);
    if (!result.ok) {
      switch (result.reason) {
        case 'not_a_date':
          throw new ReportRangeInvalidError(`${result.field ?? 'from'} is not a real date (YYYY-MM-DD).`);
        case 'reversed':
          throw new ReportRangeInvalidError(`from (${from}) is after to (${to}).`);
        case 'too_long':
          throw new ReportRangeTooLongError();
      }
    }
    const { range } = result;
    const [payments, refunds] = await Promise.all([
      this.reports.paymentGroups(institutionId, range.startsAt, range.endsBefore),
      this.reports.refundGroups(institutionId, range.startsAt, range.endsBefore),
    ]);
    return buildPaymentReport(range, payments, refunds);
  }
}
