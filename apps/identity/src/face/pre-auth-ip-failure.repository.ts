import { createHash } from 'node:crypto';

import { Clock, deleteInBatches, type PurgeResult, WindowedCounter } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { IdentityEnv } from '../config/identity.env';
import type { PurgeLimits } from '../database/purge-limits';
import { PRE_AUTH_IP_WINDOW_MS } from '../retention/retention-policy';

/**
 * The per-network failure counters of pre-sign-in face checks (face_preauth_ip_failures): keyed IP digests per
 * hour, in the database so every replica sees the same count (the platform's WindowedCounter).
 */
@Injectable()
export class PreAuthIpFailureRepository {
  private readonly failures: WindowedCounter;

  constructor(
    private readonly dataSource: DataSource,
    env: IdentityEnv,
    clock: Clock,
  ) {
    this.failures = new WindowedCounter(dataSource, {
      table: 'face_preauth_ip_failures',
      windowMs: PRE_AUTH_IP_WINDOW_MS,
      // Seeds the keyed IP digests; the face-check signing key is a secret identity already holds.
      digestSecret: createHash('sha256')
        .update('face-preauth-ip:')
        .update(env.FACE_CHECK_PRIVATE_KEY)
        .digest('hex'),
      now: () => clock.now(),
    });
  }

  /** Failures counted for the IP over the sliding hour. */
  countRecent(ip: string): Promise<number> {
    return this.failures.count(ip);
  }

  increment(ip: string): Promise<void> {
    return this.failures.increment(ip);
  }

  /**
   * Counts a failure in advance if the IP is under `limit` (atomic conditional UPDATE in the platform's
   * WindowedCounter); the window it went to, or null at the limit.
   */
  reserve(ip: string, limit: number): Promise<Date | null> {
    return this.failures.incrementBelow(ip, limit);
  }

  /** Takes back a reservation whose check did not fail. */
  release(ip: string, window: Date): Promise<void> {
    return this.failures.decrement(ip, window);
  }

  /** Retention: counter windows that started at or before `cutoff` (no longer read). */
  purgeDeadWindows(cutoff: Date, limits: PurgeLimits): Promise<PurgeResult> {
    // Raw SQL: set-based bounded bulk delete (the platform's retention primitive).
    return deleteInBatches(
      (sql, parameters) => this.dataSource.query(sql, parameters),
      { table: 'face_preauth_ip_failures', column: 'window_start', ...limits },
      cutoff,
    );
  }
}
