import { Module } from '@nestjs/common';

import { FaceAttemptBudgetRepository } from '../face/face-attempt-budget.repository';
import { FaceChallengeRepository } from '../face/face-challenge.repository';
import { FaceReviewRepository } from '../face/face-review.repository';
import { FaceVerificationRepository } from '../face/face-verification.repository';
import { PreAuthIpFailureRepository } from '../face/pre-auth-ip-failure.repository';
import { FaceRawImageRepository } from '../face/raw-images/face-raw-image.repository';
import { AttemptBudgetRepository } from '../real-name/attempt-budget.repository';
import { RealNameFaceChallengeRepository } from '../real-name/face/real-name-face-challenge.repository';
import { RealNameAppealRepository } from '../real-name/real-name-appeal.repository';
import { VerificationAttemptRepository } from '../real-name/verification-attempt.repository';
import { RetentionController } from './retention.controller';
import { RetentionScheduler } from './retention.scheduler';
import { RetentionService } from './retention.service';

/** Identity's retention pass over face and real-name data; its repositories keep no state of their own. */
@Module({
  controllers: [RetentionController],
  providers: [
    RetentionService,
    RetentionScheduler,
    FaceChallengeRepository,
    RealNameFaceChallengeRepository,
    FaceRawImageRepository,
    PreAuthIpFailureRepository,
    AttemptBudgetRepository,
    VerificationAttemptRepository,
    FaceVerificationRepository,
    FaceReviewRepository,
    RealNameAppealRepository,
    FaceAttemptBudgetRepository,
  ],
  exports: [RetentionService],
})
export class RetentionModule {}
