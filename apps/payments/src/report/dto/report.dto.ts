import { Matches } from 'class-validator';

import type { PaymentReport } from '../domain/payment-report';
import { REPORT_TIME_ZONE } from '../domain/report-range';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class ReportQueryDto {
  /** First day, Asia/Shanghai, `YYYY-MM-DD`. */
  @Matches(DAY, { message: 'from must be a day as YYYY-MM-DD' }) from!: string;
  /** Last day (included), Asia/Shanghai, `YYYY-MM-DD`; at most 366 days after from. */
  @Matches(DAY, { message: 'to must be a day as YYYY-MM-DD' }) to!: string;
}

export class ReportLineDto {
  paymentCount!: number;
  paymentsFen!: number;
  refundCount!: number;
  refundsFen!: number;
  netFen!: number;
}

export class ReportDayDto extends ReportLineDto {
  day!: string;
}

export class ReportExamDto extends ReportLineDto {
  examId!: string;
}

export class ReportProductDto extends ReportLineDto {
  productId!: string;
  title!: string;
}

/** Payments (orders paid), refunds (settled) and net; ids, titles and amounts only, no buyer. */
export class PaymentReportDto {
  institutionId!: string;
  from!: string;
  to!: string;
  timeZone!: string;
  currency!: 'CNY';
  totals!: ReportLineDto;
  byDay!: ReportDayDto[];
  byExam!: ReportExamDto[];
  byProduct!: ReportProductDto[];
}

export function toPaymentReportDto(institutionId: string, report: PaymentReport): PaymentReportDto {
  return {
    institutionId,
    from: report.range.from,
    to: report.range.to,
    timeZone: REPORT_TIME_ZONE,
    currency: 'CNY',
    totals: { ...report.totals },
    byDay: report.byDay.map((d) => ({ ...d })),
    byExam: report.byExam.map((e) => ({ ...e })),
    byProduct: report.byProduct.map((p) => ({ ...p })),
  };
}
