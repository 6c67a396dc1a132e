import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deleteInBatches, type PurgeResult } from './batched-delete';
import { CHALLENGE_PURGE_BATCH, CHALLENGE_PURGE_MAX_BATCHES, challengePurgeCutoff } from './challenge-retention';
import { IdentityRetentionService } from './identity-retention.service';
import type { RetentionStep } from './retention-step';

/** Deletes face-check challenges (signed-in and pre-sign-in) a day after they expired, used or not. */
@Injectable()
export class FaceChallengeRetention implements RetentionStep, OnModuleInit {
  readonly name = 'face_challenges';

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
      { table: 'face_challenges', column: 'expires_at', batchSize: CHALLENGE_PURGE_BATCH, maxBatches: CHALLENGE_PURGE_MAX_BATCHES },
      challengePurgeCutoff(now),
    );
  }
}
