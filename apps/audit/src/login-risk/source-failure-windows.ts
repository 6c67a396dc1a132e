const MS_PER_MINUTE = 60_000;

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
 * its own transaction. New failures are taken out at the end and written with one multi-row insert.
 */
export class SourceFailureWindows {
  private readonly bySource = new Map<string, Failure[]>();
  private readonly added: SourceFailure[] = [];

  private constructor() {}

  /**
   * The windows over the failures loaded for a batch: callers lock the sources first (see
   * SourceFailureRepository.lockSources), so under READ COMMITTED the load sees all that earlier
   * holders of these locks committed and batches sharing a source apply in turn.
   */
  static of(failures: readonly SourceFailure[]): SourceFailureWindows {
    const windows = new SourceFailureWindows();
    for (const f of failures) windows.remember(f.sourceRef, f.accountRef, f.at.getTime());
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

  /** The failures recorded since the load (or the last take), to be written; forgets them. */
  takeAdded(): SourceFailure[] {
    return this.added.splice(0);
  }

  private remember(sourceRef: string, account: string, atMs: number): void {
    const list = this.bySource.get(sourceRef);
    if (list) list.push({ account, atMs });
    else this.bySource.set(sourceRef, [{ account, atMs }]);
  }
}
