import { randomUUID } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import {
  FaceReviewClosedError,
  FaceReviewNotApplicableError,
  FaceReviewNotFoundError,
  FaceVerificationNotFoundError,
} from './face.errors';
import { FaceAttemptsService } from './face-attempts.service';
import { FaceReviewEntity } from './face-review.entity';
import { FaceReviewRepository } from './face-review.repository';
import type { FaceVerificationEntity } from './face-verification.entity';
import { FaceVerificationRepository } from './face-verification.repository';

export interface FaceReviewWithDecision {
  readonly review: FaceReviewEntity;
  readonly decision: FaceVerificationEntity;
}

/** The human-review path for automated face decisions: the user appeals a failed check, staff see the queue. */
@Injectable()
export class FaceReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reviews: FaceReviewRepository,
    private readonly verifications: FaceVerificationRepository,
    private readonly attempts: FaceAttemptsService,
    private readonly clock: Clock,
  ) {}

  async request(userId: string, verificationId: string, reason: string): Promise<FaceReviewWithDecision> {
    return this.dataSource.transaction(async (tx) => {
      const decision = await this.verifications.findOwn(verificationId, userId, tx);
      if (decision === null) throw new FaceVerificationNotFoundError();
      if (decision.outcome === 'passed' || (await this.reviews.existsFor(tx, verificationId))) {
        throw new FaceReviewNotApplicableError();
      }
      const review = Object.assign(new FaceReviewEntity(), {
        id: randomUUID(),
        verificationId,
        userId,
        reason,
        status: 'open' as const,
        createdAt: this.clock.now(),
        reviewerId: null,
        reviewNote: null,
        resolvedAt: null,
      });
      await this.reviews.insert(tx, review);
      return { review, decision };
    });
  }

  /**
   * A reviewer's verdict. Overturning does not pass the check (no token is issued after the fact); it takes
   * the failure out of the daily limit so the user can try again, and records who decided and why.
   */
  async resolve(
    reviewId: string,
    reviewerId: string,
    verdict: 'upheld' | 'overturned',
    note: string,
  ): Promise<FaceReviewWithDecision> {
    return this.dataSource.transaction(async (tx) => {
      const review = await this.reviews.lockForUpdate(tx, reviewId);
      if (review === null) throw new FaceReviewNotFoundError();
      if (review.status !== 'open') throw new FaceReviewClosedError();
      const decision = await this.verifications.findById(review.verificationId, tx);
      if (decision === null) throw new FaceVerificationNotFoundError();
      const now = this.clock.now();
      Object.assign(review, { status: verdict, reviewerId, reviewNote: note, resolvedAt: now });
      await this.reviews.resolve(tx, review.id, verdict, reviewerId, note, now);
      if (verdict === 'overturned') {
        decision.overturnedAt = now;
        await this.verifications.markOverturned(tx, decision.id, now);
        await this.attempts.release(
          { userId: decision.userId, purpose: decision.purpose, day: decision.day },
          tx,
        );
      }
      return { review, decision };
    });
  }

  /** The user's own decision, with its explanation. */
  async decisionOf(userId: string, verificationId: string): Promise<FaceVerificationEntity> {
    const decision = await this.verifications.findOwn(verificationId, userId);
    if (decision === null) throw new FaceVerificationNotFoundError();
    return decision;
  }

  async open(limit: number): Promise<FaceReviewWithDecision[]> {
    const reviews = await this.reviews.findOpen(limit);
    const result: FaceReviewWithDecision[] = [];
    for (const review of reviews) {
      const decision = await this.verifications.findById(review.verificationId);
      if (decision !== null) result.push({ review, decision });
    }
    return result;
  }
}
