import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AttemptModule } from '../attempt/attempt.module';
import { ExamFeatureModule } from '../exam/exam.module';
import { CandidateResultsService } from './candidate-results.service';
import { ResultReleaseEntity } from './result-release.entity';
import { ResultReleaseRepository } from './result-release.repository';
import { CandidateResultsController, ResultsReleaseController } from './results.controller';
import { ResultsReleaseService } from './results-release.service';

/** Results release by the exam's policy, candidates' results and reviews. */
@Module({
  imports: [TypeOrmModule.forFeature([ResultReleaseEntity]), AttemptModule, ExamFeatureModule],
  controllers: [CandidateResultsController, ResultsReleaseController],
  providers: [ResultReleaseRepository, CandidateResultsService, ResultsReleaseService],
  exports: [ResultReleaseRepository, CandidateResultsService],
})
export class ResultsModule {}
