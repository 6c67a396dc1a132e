import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { FaceAttemptBudgetRepository } from './face-attempt-budget.repository';
import { FaceChallengeRepository } from './face-challenge.repository';
import { FaceConsentRepository } from './face-consent.repository';
import { FaceReviewRepository } from './face-review.repository';
import { FaceTemplateRepository } from './face-template.repository';
import { FaceVerificationRepository } from './face-verification.repository';
import { FaceRawImageRepository } from './raw-images/face-raw-image.repository';

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
  constructor(
    private readonly consents: FaceConsentRepository,
    private readonly templates: FaceTemplateRepository,
    private readonly rawImages: FaceRawImageRepository,
    private readonly challenges: FaceChallengeRepository,
    private readonly reviews: FaceReviewRepository,
    private readonly verifications: FaceVerificationRepository,
    private readonly attemptBudgets: FaceAttemptBudgetRepository,
  ) {}

  /** A change older than what the row already reflects is stale (events of one user may be replayed). */
  async apply(tx: EntityManager, change: FaceConsentChange): Promise<void> {
    const current = await this.consents.findByUser(change.userId, tx);
    const latest =
      current === null ? 0 : Math.max(current.grantedAt.getTime(), current.withdrawnAt?.getTime() ?? 0);
    if (change.changedAt.getTime() < latest) return;
    if (change.granted) {
      await this.consents.upsert(
        {
          userId: change.userId,
          policyVersion: change.policyVersion ?? current?.policyVersion ?? 'unspecified',
          grantedAt: change.changedAt,
          withdrawnAt: null,
        },
        tx,
      );
      return;
    }
    // Withdrawal stops face processing at once and erases the template and any raw images collected with it.
    await this.templates.deleteByUser(tx, change.userId);
    await this.rawImages.deleteByUser(tx, change.userId);
    await this.consents.upsert(
      {
        userId: change.userId,
        policyVersion: change.policyVersion ?? current?.policyVersion ?? 'unspecified',
        grantedAt: current?.grantedAt ?? change.changedAt,
        withdrawnAt: change.changedAt,
      },
      tx,
    );
  }

  /** Account cancellation: every face record of the user goes (decisions included; nothing here is kept by law). */
  async eraseUser(tx: EntityManager, userId: string): Promise<void> {
    await this.templates.deleteByUser(tx, userId);
    await this.rawImages.deleteByUser(tx, userId);
    await this.consents.deleteByUser(tx, userId);
    await this.challenges.deleteByUser(tx, userId);
    await this.reviews.deleteByUser(tx, userId);
    await this.verifications.deleteByUser(tx, userId);
    await this.attemptBudgets.deleteByUser(tx, userId);
  }
}
