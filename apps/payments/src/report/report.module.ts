import { Module } from '@nestjs/common';

import { ReportRepository } from './report.repository';
import { ReportService } from './report.service';
import { ReportsController } from './reports.controller';

@Module({
  controllers: [ReportsController],
  providers: [ReportRepository, ReportService],
})
export class ReportModule {}
