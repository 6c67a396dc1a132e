import { Module } from '@nestjs/common';

import { AttemptModule } from '../attempt/attempt.module';
import { CandidateModule } from '../candidate/candidate.module';
import { ExamFeatureModule } from '../exam/exam.module';
import { CandidatePseudonyms } from './candidate-pseudonyms';
import { ExamStatisticsService } from './exam-statistics.service';
import { StatisticsController } from './statistics.controller';

/** Exam statistics for staff: distribution, pass rate, time used and item analysis, with an .xlsx export. */
@Module({
  imports: [AttemptModule, CandidateModule, ExamFeatureModule],
  controllers: [StatisticsController],
  providers: [ExamStatisticsService, CandidatePseudonyms],
})
export class StatisticsModule {}
