import type { EntityManager } from 'typeorm';

import { lockOrCreateRows } from '../database/lock-rows';

const MS_PER_MINUTE = 60_000;

interface FailureRow {
  source_ref: string;
  account_ref: string;
  failed_at: Date;
}

interface Failure {
  readonly account: string;
  readonly atMs: number;
}

/** One failed attempt from a source (keyed IP or device fingerprint) on an account. */
export interface SourceFailure {
  readonly sourceRef: string;
  readonly accountRef: string;
  readonly at: Date;
}

/**
 * The failures of a batch's sources (IPs, devices) across accounts, loaded once for the whole batch
 * and kept in memory while the batch is scored in order, so an event sees the failures committed
 * before the batch and those of the events before it in the batch, exactly as if each event were
 * its own transaction. New failures are written with one multi-row insert at the end.
 */
export class SourceFailureWindows {
  private readonly bySource = new Map<string, Failure[]>();
  private readonly added: SourceFailure[] = [];

  private constructor() {}

  /**
   * Locks the sources (one row each in `login_source_locks`), then loads every failure of theirs
   * that any event between `from` and `to` can still count. Under READ COMMITTED the load sees all
   * that earlier holders of these locks committed: batches sharing a source apply in turn.
   */
  static async load(
    manager: EntityManager,
    sourceRefs: readonly string[],
    from: Date,
    to: Date,
  ): Promise<SourceFailureWindows> {
    const windows = new SourceFailureWindows();
    if (sourceRefs.length === 0) return windows;
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
    const rows: FailureRow[] = await manager.query(
      'SELECT source_ref, account_ref, failed_at FROM login_source_failures WHERE source_ref IN (?) AND failed_at BETWEEN ? AND ?',
      [[...new Set(sourceRefs)], from, to],
    );
    for (const row of rows)
      windows.remember(row.source_ref, row.account_ref, new Date(row.failed_at).getTime());
    return windows;
  }

  record(failure: SourceFailure): void {
    this.remember(failure.sourceRef, failure.accountRef, failure.at.getTime());
    this.added.push(failure);
  }

  /** Distinct accounts that failed from the source within `windowMinutes` up to and including `at`. */
  distinctAccounts(sourceRef: string, at: Date, windowMinutes: number): number {
    const to = at.getTime();
    const from = to - windowMinutes * MS_PER_MINUTE;
    const accounts = new Set<string>();
    for (const f of this.bySource.get(sourceRef) ?? [])
      if (f.atMs >= from && f.atMs <= to) accounts.add(f.account);
    return accounts.size;
  }

  async save(manager: EntityManager): Promise<void> {
    if (this.added.length === 0) return;
    await manager.query(
      `INSERT INTO login_source_failures (source_ref, account_ref, failed_at) VALUES ${this.added.map(() => '(?, ?, ?)').join(', ')}`,
      this.added.flatMap((f) => [f.sourceRef, f.accountRef, f.at]),
    );
    this.added.length = 0;
  }

  private remember(sourceRef: string, account: string, atMs: number): void {
    const list = this.bySource.get(sourceRef);
    if (list) list.push({ account, atMs });
    else this.bySource.set(sourceRef, [{ account, atMs }]);
  }
}
