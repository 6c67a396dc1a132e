import { Clock, deleteInBatches, type RetentionSweep, retryOnDeadlock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AccountsEnv } from '../config/accounts.env';
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
};

interface Deleted {
  readonly affectedRows?: number;
}

const MAX_BATCHES_PER_PASS = 200;

/**
 * Deletes what is past retention (codes, contact changes, invitations, ended sessions, unfinished registrations,
 * used face-check token records, per-IP failure counters). Every statement is a bounded `DELETE … WHERE <time predicate> LIMIT n`, so a
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
    const verificationCodes =
      (await this.deleteBefore('verification_codes', 'expires_at', cutoff.codes)) +
      (await this.deleteBefore('verification_codes', 'consumed_at', cutoff.codes));
    const contactChanges = await this.deleteBefore('contact_changes', 'requested_at', cutoff.contactChanges);
    const invitations = await this.deleteBefore(
      'invitations',
      'expires_at',
      cutoff.invitations,
      'accepted_at IS NULL',
    );
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
    const faceCheckRedemptions = await this.deleteBefore(
      'face_check_redemptions',
      'redeemed_at',
      cutoff.faceCheckRedemptions,
    );
    const loginIpFailures = await this.deleteBefore(
      'login_ip_failures',
      'window_start',
      cutoff.loginIpFailures,
    );
    return {
      verificationCodes,
      contactChanges,
      invitations,
      sessions,
      refreshTokens,
      pendingRegistrations,
      faceCheckRedemptions,
      loginIpFailures,
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
      this.dataSource.transaction(async (manager) => {
        const rows: { id: string }[] = await manager.query(
          `SELECT u.id FROM users u
          WHERE u.status = 'pending' AND u.created_at < ?
            AND NOT EXISTS (SELECT 1 FROM verification_codes c WHERE c.user_id = u.id AND c.sent_at >= ?)
          ORDER BY u.created_at LIMIT ?`,
          [cutoff, cutoff, limit],
        );
        if (rows.length === 0) return { selected: 0, users: 0 };
        const ids = rows.map((r) => r.id);
        const deleted: Deleted = await manager.query(
          `DELETE FROM users WHERE id IN (?) AND status = 'pending'
            AND NOT EXISTS (SELECT 1 FROM verification_codes c WHERE c.user_id = users.id AND c.sent_at >= ?)`,
          [ids, cutoff],
        );
        await manager.query(
          'DELETE FROM verification_codes WHERE user_id IN (?) AND user_id NOT IN (SELECT id FROM users)',
          [ids],
        );
        await manager.query(
          'DELETE FROM policy_acceptances WHERE user_id IN (?) AND user_id NOT IN (SELECT id FROM users)',
          [ids],
        );
        return { selected: rows.length, users: deleted.affectedRows ?? 0 };
      }),
    );
  }

  /** Session and its refresh tokens go together, in one short transaction per batch. */
  private async deleteSessionBatch(
    column: 'revoked_at' | 'expires_at',
    cutoff: Date,
    limit: number,
  ): Promise<{ selected: number; sessions: number; refreshTokens: number }> {
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        const rows: { id: string }[] = await manager.query(
          `SELECT id FROM sessions WHERE ${column} < ? ORDER BY ${column} LIMIT ?`,
          [cutoff, limit],
        );
        if (rows.length === 0) return { selected: 0, sessions: 0, refreshTokens: 0 };
        const ids = rows.map((r) => r.id);
        const tokens: Deleted = await manager.query('DELETE FROM refresh_tokens WHERE session_id IN (?)', [
          ids,
        ]);
        const deleted: Deleted = await manager.query(
          `DELETE FROM sessions WHERE id IN (?) AND ${column} < ?`,
          [ids, cutoff],
        );
        return {
          selected: rows.length,
          sessions: deleted.affectedRows ?? 0,
          refreshTokens: tokens.affectedRows ?? 0,
        };
      }),
    );
  }

  /** Rows of one table whose `column` lies before the cutoff, in bounded batches (the shared retention primitive). */
  private async deleteBefore(table: string, column: string, cutoff: Date, where?: string): Promise<number> {
    const spec = {
      table,
      column,
      batchSize: this.settings.batchSize,
      maxBatches: this.settings.maxBatchesPerPass,
      ...(where === undefined ? {} : { where }),
    };
    return (await deleteInBatches((sql, parameters) => this.dataSource.query(sql, parameters), spec, cutoff))
      .deleted;
  }
}
