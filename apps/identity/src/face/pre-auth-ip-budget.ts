import { createHash } from 'node:crypto';

import { Clock, WindowedCounter } from '@exam/platform';
import { deleteInBatches, type PurgeResult } from '@exam/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { IdentityEnv } from '../config/identity.env';
import { FaceTooManyFailuresFromNetworkError } from './face.errors';
import { IdentityRetentionService } from './retention/identity-retention.service';
import type { RetentionStep } from './retention/retention-step';

const HOUR_MS = 3_600_000;

/**
 * Face tickets are handed to anyone who types a login, so without a bound a stranger could spend many
 * accounts' daily face-failure budgets. Failed pre-sign-in checks are counted per client IP (keyed digest, in
 * the database, shared by replicas) and a network past the limit gets 429 before any face work.
 */
@Injectable()
export class PreAuthIpBudget implements RetentionStep, OnModuleInit {
  readonly name = 'face_preauth_ip_failures';
  private readonly failures: WindowedCounter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly retention: IdentityRetentionService,
    private readonly env: IdentityEnv,
    clock: Clock,
  ) {
    this.failures = new WindowedCounter(dataSource, {
      table: 'face_preauth_ip_failures',
      windowMs: HOUR_MS,
      // Seeds the keyed IP digests; the face-check signing key is a secret identity already holds.
      digestSecret: createHash('sha256')
        .update('face-preauth-ip:')
        .update(env.FACE_CHECK_PRIVATE_KEY)
        .digest('hex'),
      now: () => clock.now(),
    });
  }

  onModuleInit(): void {
    this.retention.register(this);
  }

  async assertAllowed(ip: string): Promise<void> {
    const limit = this.env.FACE_PREAUTH_IP_FAILURES_PER_HOUR;
    if (limit > 0 && (await this.failures.count(ip)) >= limit)
      throw new FaceTooManyFailuresFromNetworkError();
  }

  recordFailure(ip: string): Promise<void> {
    return this.failures.increment(ip);
  }

  purge(now: Date): Promise<PurgeResult> {
    return deleteInBatches(
      (sql, parameters) => this.dataSource.query(sql, parameters),
      { table: 'face_preauth_ip_failures', column: 'window_start', batchSize: 500, maxBatches: 20 },
      new Date(this.failures.deadBefore(now).getTime() - 1),
    );
  }
}
