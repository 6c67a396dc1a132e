import type { EntityManager } from 'typeorm';

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

  /** Loads every failure of `sourceRefs` that any event between `from` and `to` can still count. */
  static async load(manager: EntityManager, sourceRefs: readonly string[], from: Date, to: Date): Promise<SourceFailureWindows> {
    const windows = new SourceFailureWindows();
    if (sourceRefs.length === 0) return windows;
    const rows: FailureRow[] = await manager.query(
      'SELECT source_ref, account_ref, failed_at FROM login_source_failures WHERE source_ref IN (?) AND failed_at BETWEEN ? AND ?',
      [[...new Set(sourceRefs)], from, to],
    );
    for (const row of rows) windows.remember(row.source_ref, row.account_ref, new Date(row.failed_at).getTime());
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
    for (const f of this.bySource.get(sourceRef) ?? []) if (f.atMs >= from && f.atMs <= to) accounts.add(f.account);
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
