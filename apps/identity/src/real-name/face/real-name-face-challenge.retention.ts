import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deleteInBatches, type PurgeResult } from '../../face/retention/batched-delete';
import { CHALLENGE_PURGE_BATCH, CHALLENGE_PURGE_MAX_BATCHES, challengePurgeCutoff } from '../../face/retention/challenge-retention';
import { IdentityRetentionService } from '../../face/retention/identity-retention.service';
import type { RetentionStep } from '../../face/retention/retention-step';

/** Deletes real-name face-step challenges a day after they expired, used or not (same rule as face checks). */
@Injectable()
export class RealNameFaceChallengeRetention implements RetentionStep, OnModuleInit {
  readonly name = 'real_name_face_challenges';

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
      { table: 'real_name_face_challenges', column: 'expires_at', batchSize: CHALLENGE_PURGE_BATCH, maxBatches: CHALLENGE_PURGE_MAX_BATCHES },
      challengePurgeCutoff(now),
    );
  }
}
