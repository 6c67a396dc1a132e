import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AttemptEntity } from '../attempt/attempt.entity';
import { AttemptAnswerEntity } from '../attempt/attempt-answer.entity';
import { ExamFeatureModule } from '../exam/exam.module';
import { RegistrationModule } from '../registration/registration.module';
import { ProctoredAttemptRepository } from './proctored-attempt.repository';
import { ProctoringController } from './proctoring.controller';
import { ProctoringRepository } from './proctoring.repository';
import { ProctoringBoardService } from './proctoring-board.service';
import { ProctoringEventEntity } from './proctoring-event.entity';
import { ProctoringEventsService } from './proctoring-events.service';
import { ProctoringFaceCheck } from './proctoring-face-check';
import { ProctoringStaffController } from './proctoring-staff.controller';
import { ProctoringStaffService } from './proctoring-staff.service';
import { StaffActionEntity } from './staff-action.entity';

/** Proctoring: the exam room's reports against the anti-cheat policy, the staff's live board and actions. */
@Module({
  imports: [
    TypeOrmModule.forFeature([ProctoringEventEntity, StaffActionEntity, AttemptEntity, AttemptAnswerEntity]),
    ExamFeatureModule,
    RegistrationModule,
  ],
  controllers: [ProctoringController, ProctoringStaffController],
  providers: [
    ProctoringRepository,
    ProctoredAttemptRepository,
    ProctoringFaceCheck,
    ProctoringEventsService,
    ProctoringStaffService,
    ProctoringBoardService,
  ],
})
export class ProctoringModule {}
