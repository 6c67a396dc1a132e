import { Clock, type PurgeResult, type RetentionReport, type RetentionSweep } from '@exam/platform';
import { Injectable, Logger } from '@nestjs/common';

import { IdentityEnv } from '../config/identity.env';
import type { PurgeLimits } from '../database/purge-limits';
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
import { type RetentionCutoffs, retentionCutoffs, type RetentionPeriods } from './retention-policy';

/** Statements per data class and pass; a larger backlog waits for the next pass rather than holding a replica. */
const MAX_BATCHES_PER_PASS = 20;

/**
 * Deletes identity data past retention (see retention-policy.ts). Every step is a bounded
 * `DELETE … WHERE <time> <= ? ORDER BY <time> LIMIT n`, each statement its own transaction, so a pass is
 * idempotent and several replicas may run it at once: rows are chosen by the predicate, not claimed, and a row
 * one replica deleted is simply not found by another. A failing step does not stop the others; what it left is
 * deleted by a later pass.
 */
@Injectable()
export class RetentionService implements RetentionSweep {
  private readonly logger = new Logger(RetentionService.name);
  private readonly periods: RetentionPeriods;
  private readonly limits: PurgeLimits;

  constructor(
    private readonly clock: Clock,
    env: IdentityEnv,
    private readonly faceChallenges: FaceChallengeRepository,
    private readonly realNameChallenges: RealNameFaceChallengeRepository,
    private readonly rawImages: FaceRawImageRepository,
    private readonly ipFailures: PreAuthIpFailureRepository,
    private readonly budgets: AttemptBudgetRepository,
    private readonly attempts: VerificationAttemptRepository,
    private readonly faceChecks: FaceVerificationRepository,
    private readonly faceReviews: FaceReviewRepository,
    private readonly appeals: RealNameAppealRepository,
    private readonly faceAttemptBudgets: FaceAttemptBudgetRepository,
  ) {
    this.periods = {
      challengesDays: env.RETENTION_CHALLENGES_DAYS,
      verificationAttemptsDays: env.RETENTION_VERIFICATION_ATTEMPTS_DAYS,
      faceChecksDays: env.RETENTION_FACE_CHECKS_DAYS,
      appealsDays: env.RETENTION_APPEALS_DAYS,
    };
    this.limits = { batchSize: env.RETENTION_BATCH_SIZE, maxBatches: MAX_BATCHES_PER_PASS };
  }

  async sweep(): Promise<RetentionReport> {
    const now = this.clock.now();
    const cutoff = retentionCutoffs(now, this.periods);
    const steps: readonly [string, (c: RetentionCutoffs) => Promise<PurgeResult>][] = [
      ['faceChallenges', (c) => this.faceChallenges.purgeExpired(c.challenges, this.limits)],
      ['realNameFaceChallenges', (c) => this.realNameChallenges.purgeExpired(c.challenges, this.limits)],
      ['faceRawImages', (c) => this.rawImages.purgeExpired(c.rawImages, this.limits)],
      ['facePreAuthIpFailures', (c) => this.ipFailures.purgeDeadWindows(c.preAuthIpFailures, this.limits)],
      ['attemptBudgets', (c) => this.budgets.purgeBefore(c.attemptBudgetsBeforeDay, this.limits)],
      [
        'faceAttemptBudgets',
        (c) => this.faceAttemptBudgets.purgeBefore(c.faceAttemptBudgetsBeforeDay, this.limits),
      ],
      ['verificationAttempts', (c) => this.attempts.purgeOlderThan(c.verificationAttempts, this.limits)],
      ['faceChecks', (c) => this.faceChecks.purgeOlderThan(c.faceChecks, this.limits)],
      // After the checks: the reviews whose decision just went.
      ['faceReviews', () => this.faceReviews.purgeOrphaned(now, this.limits)],
      ['appeals', (c) => this.appeals.purgeDecidedBefore(c.appeals, this.limits)],
    ];
    const report: Record<string, number> = {};
    for (const [name, purge] of steps) {
      try {
        report[name] = (await purge(cutoff)).deleted;
      } catch (error: unknown) {
        report[name] = 0;
        this.logger.warn(
          `Retention step ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    return report;
  }

  /** An admin's trigger: erases expired raw enrolment images now instead of at the next pass. */
  purgeRawImages(): Promise<PurgeResult> {
    return this.rawImages.purgeExpired(this.clock.now(), this.limits);
  }
}
