import { TenantRoles } from '@exam/platform';
import { Controller, Get, Header, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';

import { XLSX_CONTENT_TYPE } from '../bank/question-workbook';
import type { ExamStatisticsDto } from './dto/statistics.dto';
import { toExamStatisticsDto } from './dto/statistics.mapper';
import { ExamStatisticsService } from './exam-statistics.service';
import { statisticsWorkbook } from './statistics-workbook';

/** An exam's statistics for its institution's staff; candidates only pseudonymised. */
@Controller('institutions/:institutionId/exams/:examId')
@TenantRoles('institutionId', ['org_admin', 'org_staff'])
export class StatisticsController {
  constructor(private readonly statistics: ExamStatisticsService) {}

  @Get('statistics')
  async get(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
  ): Promise<ExamStatisticsDto> {
    return toExamStatisticsDto(await this.statistics.report(institutionId, examId));
  }

  /** Sheets summary, questions and attempts (per-exam pseudonyms and masked names only). */
  @Get('statistics.xlsx')
  @Header('content-type', XLSX_CONTENT_TYPE)
  @Header('content-disposition', 'attachment; filename="exam-statistics.xlsx"')
  async export(
    @Param('institutionId', ParseUUIDPipe) institutionId: string,
    @Param('examId', ParseUUIDPipe) examId: string,
  ): Promise<StreamableFile> {
    const report = await this.statistics.report(institutionId, examId);
    return new StreamableFile(await statisticsWorkbook(toExamStatisticsDto(report), report.cohort));
  }
}
