import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AttemptBudgetEntity } from './attempt-budget.entity';
import { RealNameFaceChallengeEntity } from './face/real-name-face-challenge.entity';
import { GuardianConsentEntity } from './guardian-consent.entity';
import { RealNameAppealEntity } from './real-name-appeal.entity';
import { RealNameRecordEntity } from './real-name-record.entity';

/**
 * Account cancellation: every piece of real-name personal data of the user goes (verified name and number,
 * guardian consents given for them, appeals with their free-text reasons, face-step challenges). Verification
 * attempts stay: they hold no name or number, only the decision, and are kept for billing reconciliation with
 * the provider.
 */
@Injectable()
export class RealNameErasureService {
  async erase(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(RealNameRecordEntity, { userId });
    await manager.delete(GuardianConsentEntity, { childUserId: userId });
    await manager.delete(RealNameAppealEntity, { userId });
    await manager.delete(AttemptBudgetEntity, { userId });
    await manager.delete(RealNameFaceChallengeEntity, { userId });
  }
}
