import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AttemptEntity } from '../attempt/attempt.entity';
import { AttemptModule } from '../attempt/attempt.module';
import { AttemptAnswerEntity } from '../attempt/attempt-answer.entity';
import { ExamFeatureModule } from '../exam/exam.module';
import { AttemptScoreRepository } from './attempt-score.repository';
import { AttemptScoringService } from './attempt-scoring.service';
import { KeyChangeEntity } from './key-change.entity';
import { KeyChangeRepository } from './key-change.repository';
import { MarkingController } from './marking.controller';
import { MarkingRepository } from './marking.repository';
import { MarkingIntakeScheduler } from './marking-intake.scheduler';
import { MarkingIntakeService } from './marking-intake.service';
import { MarkingItemEntity } from './marking-item.entity';
import { MarkingMarkEntity } from './marking-mark.entity';
import { MarkingMarksService } from './marking-marks.service';
import { MarkingQueueService } from './marking-queue.service';
import { MarkingScriptEntity } from './marking-script.entity';
import { RegradeController } from './regrade.controller';
import { RegradeService } from './regrade.service';
import { ScoreHistoryEntity } from './score-history.entity';
import { ScoreHistoryRepository } from './score-history.repository';
import { ScoreHistoryService } from './score-history.service';

/** Marking of written answers, key changes and regrading, and the score history of attempts. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      AttemptEntity,
      AttemptAnswerEntity,
      MarkingScriptEntity,
      MarkingItemEntity,
      MarkingMarkEntity,
      KeyChangeEntity,
      ScoreHistoryEntity,
    ]),
    ExamFeatureModule,
    AttemptModule,
  ],
  controllers: [MarkingController, RegradeController],
  providers: [
    MarkingRepository,
    AttemptScoreRepository,
    KeyChangeRepository,
    ScoreHistoryRepository,
    AttemptScoringService,
    MarkingIntakeService,
    MarkingQueueService,
    MarkingMarksService,
    RegradeService,
    ScoreHistoryService,
    MarkingIntakeScheduler,
  ],
  exports: [MarkingIntakeService],
})
export class MarkingModule {}
