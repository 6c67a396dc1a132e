import { TenantRoles } from '@exam/platform';
import { Controller, Get, Header, Param, ParseUUIDPipe, Query, StreamableFile } from '@nestjs/common';

import { PaymentReportDto, ReportQueryDto, toPaymentReportDto } from './dto/report.dto';
import { ReportService } from './report.service';
import { paymentReportWorkbook, XLSX_CONTENT_TYPE } from './report-workbook';

/** An institution's payment reports, for its own staff only (no platform bypass). */
@Controller('institutions/:institutionId')
@TenantRoles('institutionId', ['org_admin', 'org_staff'], [])
export class ReportsController {
  constructor(private readonly reports: ReportService) {}

  @Get('payment-report')
  async get(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Query() query: ReportQueryDto,
  ): Promise<PaymentReportDto> {
    return toPaymentReportDto(institutionId, await this.reports.report(institutionId, query.from, query.to));
  }

  /** Sheets summary, days, exams and products. */
  @Get('payment-report.xlsx')
  @Header('content-type', XLSX_CONTENT_TYPE)
  @Header('content-disposition', 'attachment; filename="payment-report.xlsx"')
  async export(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Query() query: ReportQueryDto,
  ): Promise<StreamableFile> {
    const report = await this.reports.report(institutionId, query.from, query.to);
    return new StreamableFile(await paymentReportWorkbook(toPaymentReportDto(institutionId, report)));
  }
}
