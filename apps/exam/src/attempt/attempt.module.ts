import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { CandidateModule } from '../candidate/candidate.module';
import { ExamFeatureModule } from '../exam/exam.module';
import { RegistrationModule } from '../registration/registration.module';
import { AnswerKeyResolver } from './answer-key-resolver';
import { AttemptEntity } from './attempt.entity';
import { AttemptRepository } from './attempt.repository';
import { AttemptAnswerEntity } from './attempt-answer.entity';
import { AttemptAnswersService } from './attempt-answers.service';
import { AttemptClosingService } from './attempt-closing.service';
import { AttemptFaceCheck } from './attempt-face-check';
import { AttemptFaceCheckEntity } from './attempt-face-check.entity';
import { AttemptFinaliserScheduler } from './attempt-finaliser.scheduler';
import { AttemptPaperCache } from './attempt-paper-cache';
import { AttemptStartService } from './attempt-start.service';
import { AttemptsController } from './attempts.controller';
import { PaperSnapshotCache } from './paper-snapshot-cache';

/** Delivery of exams: attempts, autosave, resume, takeover, submission, deadline finalisation, objective grading. */
@Module({
  imports: [
    TypeOrmModule.forFeature([AttemptEntity, AttemptAnswerEntity, AttemptFaceCheckEntity]),
    CandidateModule,
    ExamFeatureModule,
    RegistrationModule,
  ],
  controllers: [AttemptsController],
  providers: [
    AttemptRepository,
    AttemptPaperCache,
    PaperSnapshotCache,
    AnswerKeyResolver,
    AttemptFaceCheck,
    AttemptStartService,
    AttemptAnswersService,
    AttemptClosingService,
    AttemptFinaliserScheduler,
  ],
  exports: [AttemptClosingService, AttemptRepository, AnswerKeyResolver],
})
export class AttemptModule {}
