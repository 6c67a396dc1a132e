import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FACE_CLOCK, type FaceClock } from '../face-clock';

/** Rows deleted per statement: short transactions, so enrolments are never blocked behind a purge. */
export const RAW_IMAGE_PURGE_BATCH = 200;
/** Statements per run; the rest waits for the next run rather than holding a replica busy. */
export const RAW_IMAGE_PURGE_MAX_BATCHES = 50;

export interface RawImagePurge {
  readonly deleted: number;
  readonly batches: number;
}

/**
 * Erases raw images past their expiry. Idempotent and safe on several replicas at once: each batch is one
 * `DELETE … WHERE expires_at <= now LIMIT n` (rows are gone or not; concurrent runs delete disjoint rows or none).
 */
@Injectable()
export class FaceImageRetentionService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(FACE_CLOCK) private readonly clock: FaceClock,
  ) {}

  async purgeExpired(): Promise<RawImagePurge> {
    const now = this.clock.now();
    let deleted = 0;
    let batches = 0;
    while (batches < RAW_IMAGE_PURGE_MAX_BATCHES) {
      const result: unknown = await this.dataSource.query('DELETE FROM face_raw_images WHERE expires_at <= ? ORDER BY expires_at LIMIT ?', [
        now,
        RAW_IMAGE_PURGE_BATCH,
      ]);
      batches += 1;
      const affected = affectedRows(result);
      deleted += affected;
      if (affected < RAW_IMAGE_PURGE_BATCH) break;
    }
    return { deleted, batches };
  }
}

function affectedRows(result: unknown): number {
  if (typeof result === 'object' && result !== null && 'affectedRows' in result && typeof result.affectedRows === 'number') return result.affectedRows;
  return 0;
}
