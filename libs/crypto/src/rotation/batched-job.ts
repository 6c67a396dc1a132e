import { setTimeout as sleep } from 'node:timers/promises';

import { DataSource, Repository } from 'typeorm';

import { CryptoError } from '../crypto.errors';
import { EncryptedTable, RawRow } from './encrypted-table';
import { KeyRotationProgressEntity } from './key-rotation-progress.entity';

export type RowOutcome = 'changed' | 'unchanged' | 'conflict' | 'gone' | 'failed';

export interface RowFailure {
  readonly job: string;
  readonly rowId: string;
  readonly column: string;
  /** A CryptoError code; never the value. */
  readonly code: string;
}

/** What rows report besides their outcome. */
export interface RowTally {
  readonly failures: RowFailure[];
  /** Conditional updates that lost to a concurrent writer and were retried after a re-read. */
  races: number;
}

/** How to bring one table to the target state, row by row. */
export interface RowJob {
  readonly job: string;
  /** The key the job converges to; recorded progress for any other target is discarded. */
  readonly targetKeyId: string;
  readonly columns: readonly string[];
  processRow(row: RawRow, table: EncryptedTable, tally: RowTally): Promise<RowOutcome>;
}

export interface BatchOptions {
  /** Rows per batch; each batch is read in one query and its progress saved once. Default 200. */
  readonly batchSize?: number;
  /** Stop (resumably) after this many batches; for throttled runs and tests. */
  readonly maxBatches?: number;
  /** Pause between batches, to cap the load on a serving database. Default 0. */
  readonly pauseMs?: number;
  /** Ignore recorded progress and start from the first row. */
  readonly restart?: boolean;
  readonly signal?: AbortSignal;
  readonly onBatch?: (progress: JobReport) => void;
}

export interface JobReport {
  readonly job: string;
  readonly targetKeyId: string;
  readonly completed: boolean;
  /** True when this run found the job already completed for the same target and did nothing. */
  readonly alreadyCompleted: boolean;
  readonly resumedFrom: string | null;
  readonly scanned: number;
  readonly changed: number;
  /** Lost races that were retried successfully or found the row already done. */
  readonly races: number;
  /** Rows still contended after all retries; they converge anyway because writers use the target key. */
  readonly conflicts: number;
  readonly failures: readonly RowFailure[];
}

export function progressRepository(dataSource: DataSource): Repository<KeyRotationProgressEntity> {
  if (!dataSource.hasMetadata(KeyRotationProgressEntity)) {
    throw new CryptoError(
      'CRYPTO.MAPPING_INVALID',
      'add KeyRotationProgressEntity to the DataSource entities (and migrations) to run key rotation jobs',
    );
  }
  return dataSource.getRepository(KeyRotationProgressEntity);
}

function cursorOf(row: RawRow, column: string): string {
  const value = row[column];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new CryptoError(
    'CRYPTO.MAPPING_INVALID',
    `primary column ${column} must be a string or number to page by`,
  );
}

/**
 * Walks the table in primary-key order (keyset pagination, so concurrent inserts and deletes never shift a
 * page), saving the cursor after every batch so a stopped run resumes where it left off.
 */
export async function runBatchedJob(
  dataSource: DataSource,
  table: EncryptedTable,
  job: RowJob,
  options: BatchOptions = {},
): Promise<JobReport> {
  const progressRepo = progressRepository(dataSource);
  const batchSize = options.batchSize ?? 200;
  const recorded = await progressRepo.findOneBy({ job: job.job });
  const resumable = recorded !== null && recorded.targetKeyId === job.targetKeyId && options.restart !== true;
  const tally: RowTally = { failures: [], races: 0 };
  let conflicts = 0;
  let progress: KeyRotationProgressEntity;
  if (resumable) {
    progress = recorded;
    if (progress.completedAt !== null) {
      return {
        job: job.job,
        targetKeyId: job.targetKeyId,
        completed: true,
        alreadyCompleted: true,
        resumedFrom: progress.lastRowId,
        scanned: 0,
        changed: 0,
        races: 0,
        conflicts: 0,
        failures: [],
      };
    }
  } else {
    progress = progressRepo.create({
      job: job.job,
      targetKeyId: job.targetKeyId,
      lastRowId: null,
      rowsScanned: 0,
      rowsChanged: 0,
      completedAt: null,
    });
    await progressRepo.save(progress);
  }
  const resumedFrom = progress.lastRowId;
  let scanned = 0;
  let changed = 0;
  let batches = 0;
  const report = (completed: boolean): JobReport => ({
    job: job.job,
    targetKeyId: job.targetKeyId,
    completed,
    alreadyCompleted: false,
    resumedFrom,
    scanned,
    changed,
    races: tally.races,
    conflicts,
    failures: [...tally.failures],
  });

  for (;;) {
    if (
      options.signal?.aborted === true ||
      (options.maxBatches !== undefined && batches >= options.maxBatches)
    ) {
      return report(false);
    }
    const rows = await table.readBatch(progress.lastRowId, batchSize, job.columns);
    if (rows.length === 0) {
      progress.completedAt = new Date();
      await progressRepo.save(progress);
      return report(true);
    }
    let batchChanged = 0;
    for (const row of rows) {
      const outcome = await job.processRow(row, table, tally);
      if (outcome === 'changed') batchChanged += 1;
      if (outcome === 'conflict') conflicts += 1;
    }
    scanned += rows.length;
    changed += batchChanged;
    batches += 1;
    progress.lastRowId = cursorOf(rows[rows.length - 1] ?? {}, table.primaryColumn);
    progress.rowsScanned += rows.length;
    progress.rowsChanged += batchChanged;
    await progressRepo.save(progress);
    options.onBatch?.(report(false));
    if ((options.pauseMs ?? 0) > 0) await sleep(options.pauseMs);
  }
}
