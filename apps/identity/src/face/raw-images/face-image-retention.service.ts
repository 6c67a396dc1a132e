import { Clock,deleteInBatches, type PurgeResult } from '@exam/platform';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { IdentityRetentionService } from '../retention/identity-retention.service';
import type { RetentionStep } from '../retention/retention-step';

/** Rows deleted per statement: short transactions, so enrolments are never blocked behind a purge. */
export const RAW_IMAGE_PURGE_BATCH = 200;
/** Statements per run; the rest waits for the next run rather than holding a replica busy. */
export const RAW_IMAGE_PURGE_MAX_BATCHES = 50;

export type RawImagePurge = PurgeResult;

/**
 * Erases raw images past their expiry, as a step of the hourly retention pass and on an admin's demand.
 * Idempotent and safe on several replicas at once (see deleteInBatches).
 */
@Injectable()
export class FaceImageRetentionService implements RetentionStep, OnModuleInit {
  readonly name = 'face_raw_images';

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly retention: IdentityRetentionService,
  ) {}

  onModuleInit(): void {
    this.retention.register(this);
  }

  purgeExpired(): Promise<RawImagePurge> {
    return this.purge(this.clock.now());
  }

  purge(now: Date): Promise<RawImagePurge> {
    return deleteInBatches(
      (sql, parameters) => this.dataSource.query(sql, parameters),
      {
        table: 'face_raw_images',
        column: 'expires_at',
        batchSize: RAW_IMAGE_PURGE_BATCH,
        maxBatches: RAW_IMAGE_PURGE_MAX_BATCHES,
      },
      now,
    );
  }
}
