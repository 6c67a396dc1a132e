import { deleteInBatches } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { BatchLimits } from '../database/batch-limits';
import { lockOrCreateRows } from '../database/lock-rows';
import type { SourceFailure } from './source-failure-windows';

/**
 * Failed attempts per source (keyed IP or device fingerprint) across accounts, `login_source_failures`,
 * and the one lock row per source, `login_source_locks`, that orders batches sharing a source.
 */
@Injectable()
export class SourceFailureRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Raw: row locks in key order with INSERT IGNORE of the missing rows, on the ingestion hot path. */
  async lockSources(manager: EntityManager, sourceRefs: readonly string[]): Promise<void> {
    await lockOrCreateRows<{ source_ref: string }>(manager, sourceRefs, {
      select:
        'SELECT source_ref FROM login_source_locks WHERE source_ref IN (?) ORDER BY source_ref FOR UPDATE',
      keyOf: (row) => row.source_ref,
      create: (m, missing) =>
        m.query(
          `INSERT IGNORE INTO login_source_locks (source_ref, created_at) VALUES ${missing.map(() => '(?, UTC_TIMESTAMP(3))').join(', ')}`,
          [...missing],
        ),
    });
  }

  /** Every failure of the sources between `from` and `to` (raw: ingestion hot path, ADR 0023). */
  async failuresBetween(
    manager: EntityManager,
    sourceRefs: readonly string[],
    from: Date,
    to: Date,
  ): Promise<SourceFailure[]> {
    const rows: { source_ref: string; account_ref: string; failed_at: Date }[] = await manager.query(
      'SELECT source_ref, account_ref, failed_at FROM login_source_failures WHERE source_ref IN (?) AND failed_at BETWEEN ? AND ?',
      [[...new Set(sourceRefs)], from, to],
    );
    return rows.map((r) => ({
      sourceRef: r.source_ref,
      accountRef: r.account_ref,
      at: new Date(r.failed_at),
    }));
  }

  /** Raw: one multi-row insert per batch (ingestion hot path). */
  async insertFailures(manager: EntityManager, failures: readonly SourceFailure[]): Promise<void> {
    if (failures.length === 0) return;
    await manager.query(
      `INSERT INTO login_source_failures (source_ref, account_ref, failed_at) VALUES ${failures.map(() => '(?, ?, ?)').join(', ')}`,
      failures.flatMap((f) => [f.sourceRef, f.accountRef, f.at]),
    );
  }

  /** Failures older than the cutoff, in bounded batches (raw: set-based bulk delete). */
  async deleteFailuresBefore(cutoff: Date, limits: BatchLimits): Promise<number> {
    const spec = { table: 'login_source_failures', column: 'failed_at', ...limits };
    return (await deleteInBatches((sql, p) => this.dataSource.query(sql, p), spec, cutoff)).deleted;
  }

  /**
   * Lock rows created before the cutoff (raw: set-based bulk delete). They carry no data; one that is
   * still in use is simply created again by the next batch.
   */
  async deleteLocksBefore(cutoff: Date, limits: BatchLimits): Promise<number> {
    const spec = { table: 'login_source_locks', column: 'created_at', ...limits };
    return (await deleteInBatches((sql, p) => this.dataSource.query(sql, p), spec, cutoff)).deleted;
  }
}
