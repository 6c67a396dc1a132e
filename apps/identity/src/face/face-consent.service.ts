import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { FaceChallengeEntity } from './face-challenge.entity';
import { FaceConsentEntity } from './face-consent.entity';
import { FaceReviewEntity } from './face-review.entity';
import { FaceTemplateEntity } from './face-template.entity';
import { FaceVerificationEntity } from './face-verification.entity';
import { FaceRawImageEntity } from './raw-images/face-raw-image.entity';

export interface FaceConsentChange {
  readonly userId: string;
  readonly granted: boolean;
  readonly policyVersion: string | undefined;
  readonly changedAt: Date;
}

/**
 * The local projection of face-biometrics consent, fed by accounts' consent events. Writes go through the
 * caller's manager (the inbox transaction), so a redelivered event has no second effect.
 */
@Injectable()
export class FaceConsentService {
  /** A change older than what the row already reflects is stale (events of one user may be replayed). */
  async apply(manager: EntityManager, change: FaceConsentChange): Promise<void> {
    const current = await manager.findOneBy(FaceConsentEntity, { userId: change.userId });
    const latest =
      current === null ? 0 : Math.max(current.grantedAt.getTime(), current.withdrawnAt?.getTime() ?? 0);
    if (change.changedAt.getTime() < latest) return;
    if (change.granted) {
      await manager.upsert(
        FaceConsentEntity,
        {
          userId: change.userId,
          policyVersion: change.policyVersion ?? current?.policyVersion ?? 'unspecified',
          grantedAt: change.changedAt,
          withdrawnAt: null,
        },
        ['userId'],
      );
      return;
    }
    // Withdrawal stops face processing at once and erases the template and any raw images collected with it.
    await manager.delete(FaceTemplateEntity, { userId: change.userId });
    await manager.delete(FaceRawImageEntity, { userId: change.userId });
    await manager.upsert(
      FaceConsentEntity,
      {
        userId: change.userId,
        policyVersion: change.policyVersion ?? current?.policyVersion ?? 'unspecified',
        grantedAt: current?.grantedAt ?? change.changedAt,
        withdrawnAt: change.changedAt,
      },
      ['userId'],
    );
  }

  /** Account cancellation: every face record of the user goes (decisions included; nothing here is kept by law). */
  async eraseUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(FaceTemplateEntity, { userId });
    await manager.delete(FaceRawImageEntity, { userId });
    await manager.delete(FaceConsentEntity, { userId });
    await manager.delete(FaceChallengeEntity, { userId });
    await manager.delete(FaceReviewEntity, { userId });
    await manager.delete(FaceVerificationEntity, { userId });
  }
}
