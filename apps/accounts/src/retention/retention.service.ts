import { Clock, type RetentionSweep, retryOnDeadlock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { FaceCheckRedemptionRepository } from '../auth/face/face-check-redemption.repository';
import { LoginCounterRepository } from '../auth/login-counter.repository';
import { AccountsEnv } from '../config/accounts.env';
import { ContactChangeRepository } from '../contacts/contact-change.repository';
import type { PurgeLimits } from '../database/purge';
import { InvitationRepository } from '../institutions/invitation.repository';
import { PolicyAcceptanceRepository } from '../privacy/policy-acceptance.repository';
import { type EndedSessionBatch, SessionRepository } from '../sessions/session.repository';
import { UsersRepository } from '../users/users.repository';
import { CodeIpCounterRepository } from '../verification/code-ip-counter.repository';
import { VerificationCodeRepository } from '../verification/verification-code.repository';
import { retentionCutoffs, type RetentionSettings } from './retention-policy';

/** Rows deleted per data class in one pass (a RetentionReport with the accounts classes named). */
export type AccountsRetentionReport = {
  readonly verificationCodes: number;
  readonly contactChanges: number;
  readonly invitations: number;
  readonly sessions: number;
  readonly refreshTokens: number;
  readonly pendingRegistrations: number;
  readonly faceCheckRedemptions: number;
  readonly loginIpFailures: number;
  readonly codeIpCounters: number;
};

const MAX_BATCHES_PER_PASS = 200;

/**
 * Deletes what is past retention (codes, contact changes, invitations, ended sessions, unfinished registrations,
 * used face-check token records, per-IP failure and code counters). Every statement is a bounded `DELETE … WHERE <time predicate> LIMIT n`, so a
 * pass holds locks briefly, is idempotent (a second pass finds nothing), and several replicas may run it at
 * once: rows are chosen by the predicate, not claimed, and a row deleted by one replica is simply not found by
 * another. Two replicas' batches can still meet in a lock cycle (their locking reads and deletes take gap locks on
 * shared indexes); InnoDB then rolls one back whole, and that batch runs again.
 */
@Injectable()
export class RetentionService implements RetentionSweep {
  private readonly settings: RetentionSettings;

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionRepository,
    private readonly codes: VerificationCodeRepository,
    private readonly contactChanges: ContactChangeRepository,
    private readonly invitations: InvitationRepository,
    private readonly acceptances: PolicyAcceptanceRepository,
    private readonly redemptions: FaceCheckRedemptionRepository,
    private readonly loginCounters: LoginCounterRepository,
    private readonly codeIpCounters: CodeIpCounterRepository,
    private readonly clock: Clock,
    env: AccountsEnv,
  ) {
    this.settings = {
      codesDays: env.RETENTION_CODES_DAYS,
      contactChangeTtlSeconds: env.CODE_TTL_SECONDS,
      invitationsDays: env.RETENTION_INVITATIONS_DAYS,
      sessionsDays: env.RETENTION_SESSIONS_DAYS,
      pendingRegistrationsDays: env.RETENTION_PENDING_REGISTRATIONS_DAYS,
      batchSize: env.RETENTION_BATCH_SIZE,
      maxBatchesPerPass: MAX_BATCHES_PER_PASS,
    };
  }

  async sweep(): Promise<AccountsRetentionReport> {
    const cutoff = retentionCutoffs(this.clock.now(), this.settings);
    const limit = this.settings.batchSize;
    const limits: PurgeLimits = { batchSize: limit, maxBatches: this.settings.maxBatchesPerPass };
    const verificationCodes = await this.codes.purgeEndedBefore(cutoff.codes, limits);
    const contactChanges = await this.contactChanges.purgeRequestedBefore(cutoff.contactChanges, limits);
    const invitations = await this.invitations.purgeExpiredBefore(cutoff.invitations, limits);
    let refreshTokens = 0;
    let sessions = 0;
    for (const column of ['revoked_at', 'expires_at'] as const) {
      for (let batch = 0; batch < this.settings.maxBatchesPerPass; batch++) {
        const deleted = await this.deleteSessionBatch(column, cutoff.sessions, limit);
        refreshTokens += deleted.refreshTokens;
        sessions += deleted.sessions;
        if (deleted.selected < limit) break;
      }
    }
    let pendingRegistrations = 0;
    for (let batch = 0; batch < this.settings.maxBatchesPerPass; batch++) {
      const deleted = await this.deletePendingRegistrationBatch(cutoff.pendingRegistrations, limit);
      pendingRegistrations += deleted.users;
      if (deleted.selected < limit) break;
    }
    const faceCheckRedemptions = await this.redemptions.purgeRedeemedBefore(
      cutoff.faceCheckRedemptions,
      limits,
    );
    const loginIpFailures = await this.loginCounters.purgeWindowsBefore(cutoff.loginIpFailures, limits);
    const codeIpCounters = await this.codeIpCounters.purgeWindowsBefore(cutoff.codeIpCounters, limits);
    return {
      verificationCodes,
      contactChanges,
      invitations,
      sessions,
      refreshTokens,
      pendingRegistrations,
      faceCheckRedemptions,
      loginIpFailures,
      codeIpCounters,
    };
  }

  /**
   * A registration nobody finished keeps someone's phone or email and a password hash: it goes when no code was
   * sent to it since the cutoff. The DELETE re-checks that inside its own statement (a locking read), so a
   * registration restarted meanwhile (new code, row locked by the registration) survives.
   */
  private async deletePendingRegistrationBatch(
    cutoff: Date,
    limit: number,
  ): Promise<{ selected: number; users: number }> {
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (tx) => {
        const ids = await this.users.findAbandonedRegistrations(tx, cutoff, limit);
        if (ids.length === 0) return { selected: 0, users: 0 };
        const users = await this.users.deleteAbandonedRegistrations(tx, ids, cutoff);
        await this.codes.deleteOrphaned(tx, ids);
        await this.acceptances.deleteOrphaned(tx, ids);
        return { selected: ids.length, users };
      }),
    );
  }

  /** Session and its refresh tokens go together, in one short transaction per batch. */
  private async deleteSessionBatch(
    column: 'revoked_at' | 'expires_at',
    cutoff: Date,
    limit: number,
  ): Promise<EndedSessionBatch> {
    return retryOnDeadlock(() =>
      this.dataSource.transaction((tx) => this.sessions.deleteEndedBatch(tx, column, cutoff, limit)),
    );
  }
}
