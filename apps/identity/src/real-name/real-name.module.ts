import { Module } from '@nestjs/common';

import { AUTHORITY_PROVIDER } from '../authority/authority.provider';
import { AuthorityNotificationsController } from '../authority/authority-notifications.controller';
import { AuthorityNotificationsService } from '../authority/authority-notifications.service';
import { HttpAuthorityProvider } from '../authority/http-authority.provider';
import { FACE_ENGINE, type FaceEngine } from '../face/engine/face-engine';
import { FaceCaptureService } from '../face/face-capture.service';
import { AppealsService } from './appeals.service';
import { AppealsAdminController } from './appeals-admin.controller';
import { AttemptBudgetRepository } from './attempt-budget.repository';
import { RealNameFaceController } from './face/real-name-face.controller';
import { RealNameFaceChallengeRepository } from './face/real-name-face-challenge.repository';
import { RealNameFaceStepService } from './face/real-name-face-step.service';
import { RealNameLivenessService } from './face/real-name-liveness.service';
import { GuardianConsentController } from './guardian-consent.controller';
import { GuardianConsentRepository } from './guardian-consent.repository';
import { GuardianConsentService } from './guardian-consent.service';
import { GuardianConsentWithdrawalService } from './guardian-consent-withdrawal.service';
import { IdNumberIndex } from './id-number-index';
import { RealNameController } from './real-name.controller';
import { RealNameService } from './real-name.service';
import { RealNameAppealRepository } from './real-name-appeal.repository';
import { RealNameErasureConsumer } from './real-name-erasure.consumer';
import { RealNameErasureService } from './real-name-erasure.service';
import { RealNameOwnerBinding } from './real-name-owner-binding';
import { RealNameRecordRepository } from './real-name-record.repository';
import { VerificationAttemptRepository } from './verification-attempt.repository';

@Module({
  controllers: [
    RealNameController,
    RealNameFaceController,
    GuardianConsentController,
    AppealsAdminController,
    AuthorityNotificationsController,
    RealNameErasureConsumer,
  ],
  providers: [
    // The face module keeps its capture service private; this one wraps the same (global) engine.
    {
      provide: FaceCaptureService,
      useFactory: (engine: FaceEngine) => new FaceCaptureService(engine),
      inject: [FACE_ENGINE],
    },
    RealNameLivenessService,
    RealNameFaceStepService,
    { provide: AUTHORITY_PROVIDER, useClass: HttpAuthorityProvider },
    IdNumberIndex,
    RealNameRecordRepository,
    RealNameOwnerBinding,
    VerificationAttemptRepository,
    GuardianConsentRepository,
    RealNameAppealRepository,
    RealNameFaceChallengeRepository,
    AttemptBudgetRepository,
    GuardianConsentService,
    GuardianConsentWithdrawalService,
    RealNameErasureService,
    RealNameService,
    AppealsService,
    AuthorityNotificationsService,
  ],
})
export class RealNameModule {}
