import { deleteInBatches, type PurgeResult } from '@exam/platform';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { IdentityRetentionService } from './identity-retention.service';
import type { RetentionStep } from './retention-step';

/**
 * How long a liveness challenge row outlives its expiry before the retention pass deletes it. Used or not, a
 * challenge is worthless two minutes after it was made; the day of grace only keeps "expired" (rather than
 * "not found") as the answer to a late reply, and keeps the row for a same-day support question. What a check
 * decided lives on in its verification or attempt record, not in the challenge.
 */
export const CHALLENGE_RETENTION_GRACE_MS = 86_400_000;
export const CHALLENGE_PURGE_BATCH = 500;
export const CHALLENGE_PURGE_MAX_BATCHES = 20;

/** The expiry at or before which a challenge row is deleted by a pass at `now`. */
export function challengePurgeCutoff(now: Date): Date {
  return new Date(now.getTime() - CHALLENGE_RETENTION_GRACE_MS);
}

/** A retention step deleting the rows of one challenge table a day after they expired, used or not. */
@Injectable()
export abstract class ExpiredChallengesRetention implements RetentionStep, OnModuleInit {
  abstract readonly name: string;
  protected abstract readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly retention: IdentityRetentionService,
  ) {}

  onModuleInit(): void {
    this.retention.register(this);
  }

  purge(now: Date): Promise<PurgeResult> {
    return deleteInBatches(
      (sql, parameters) => this.dataSource.query(sql, parameters),
      {
        table: this.table,
        column: 'expires_at',
        batchSize: CHALLENGE_PURGE_BATCH,
        maxBatches: CHALLENGE_PURGE_MAX_BATCHES,
      },
      challengePurgeCutoff(now),
    );
  }
}
