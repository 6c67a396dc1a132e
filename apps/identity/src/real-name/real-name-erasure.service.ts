import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { FaceEnrolmentService } from '../face/face-enrolment.service';
import { AttemptBudgetRepository } from './attempt-budget.repository';
import { RealNameFaceChallengeRepository } from './face/real-name-face-challenge.repository';
import { GuardianConsentRepository } from './guardian-consent.repository';
import { RealNameAppealRepository } from './real-name-appeal.repository';
import { RealNameRecordRepository } from './real-name-record.repository';

/**
 * Account cancellation: every piece of real-name personal data of the user goes (verified name and number,
 * guardian consents given for them, appeals with their free-text reasons, face-step challenges, the verified face). Verification
 * attempts stay: they hold no name or number, only the decision, and are kept for billing reconciliation with
 * the provider.
 */
@Injectable()
export class RealNameErasureService {
  constructor(
    private readonly records: RealNameRecordRepository,
    private readonly consents: GuardianConsentRepository,
    private readonly appeals: RealNameAppealRepository,
    private readonly budgets: AttemptBudgetRepository,
    private readonly challenges: RealNameFaceChallengeRepository,
    private readonly faces: FaceEnrolmentService,
  ) {}

  async erase(tx: EntityManager, userId: string): Promise<void> {
    await this.records.deleteByUser(tx, userId);
    await this.faces.forgetVerifiedFace(tx, userId);
    await this.consents.deleteByChild(tx, userId);
    await this.appeals.deleteByUser(tx, userId);
    await this.budgets.deleteByUser(tx, userId);
    await this.challenges.deleteByUser(tx, userId);
  }
}
