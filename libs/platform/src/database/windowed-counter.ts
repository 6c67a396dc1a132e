import { createHmac } from 'node:crypto';

import type { DataSource } from 'typeorm';

import { retryOnDeadlock } from './deadlock-retry';

/** Start of the fixed window of length `windowMs` that holds `at`. */
export function windowStart(at: Date, windowMs: number): Date {
  return new Date(Math.floor(at.getTime() / windowMs) * windowMs);
}

/**
 * Events in the sliding window ending at `at`, estimated from two fixed windows: all of the current one, plus
 * the previous one weighted by how much of it the sliding window still covers. Two counters per key instead of
 * a timestamp per event, with an error bounded by the previous window's count.
 */
export function slidingCount(at: Date, windowMs: number, current: number, previous: number): number {
  const intoCurrent = (at.getTime() - windowStart(at, windowMs).getTime()) / windowMs;
  return current + previous * (1 - intoCurrent);
}

export interface WindowedCounterOptions {
  /** A table `(ip_digest CHAR(64), window_start DATETIME, failures INT, PRIMARY KEY (ip_digest, window_start))`. */
  readonly table: string;
  readonly windowMs: number;
  /** Keys (client IPs) are stored only as HMACs under this secret: an IPv4 hash alone is easy to reverse. */
  readonly digestSecret: string;
  /** The service's Clock (`() => clock.now()`), so windows follow the one time source. */
  readonly now: () => Date;
}

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;

/**
 * Failures per key (a client IP) in a sliding window, counted in the service's database so every replica sees
 * the same count. Rows older than two windows are dead; `deadBefore` tells a retention job what to delete.
 */
export class WindowedCounter {
  private readonly now: () => Date;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: WindowedCounterOptions,
  ) {
    if (!IDENTIFIER.test(options.table)) throw new Error(`not a table name: ${options.table}`);
    this.now = options.now;
  }

  async count(key: string): Promise<number> {
    const now = this.now();
    const current = windowStart(now, this.options.windowMs);
    const previous = new Date(current.getTime() - this.options.windowMs);
    const rows: { window_start: Date; failures: number }[] = await this.dataSource.query(
      `SELECT window_start, failures FROM ${this.options.table} WHERE ip_digest = ? AND window_start IN (?, ?)`,
      [this.digest(key), current, previous],
    );
    const at = (start: Date): number =>
      rows.find((r) => new Date(r.window_start).getTime() === start.getTime())?.failures ?? 0;
    return slidingCount(now, this.options.windowMs, at(current), at(previous));
  }

  async increment(key: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${this.options.table} (ip_digest, window_start, failures) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE failures = failures + 1`,
      [this.digest(key), windowStart(this.now(), this.options.windowMs)],
    );
  }

  /**
   * Counts one event if the sliding count stays under `limit`, atomically: parallel callers cannot all pass one
   * stale count. Returns the window it was counted in (for `decrement`), or null when the limit is reached.
   */
  async incrementBelow(key: string, limit: number): Promise<Date | null> {
    const now = this.now();
    const current = windowStart(now, this.options.windowMs);
    const previous = new Date(current.getTime() - this.options.windowMs);
    const digest = this.digest(key);
    // The previous window is closed (nothing is added to it any more), so its weighted share is read once.
    const rows: { failures: number }[] = await this.dataSource.query(
      `SELECT failures FROM ${this.options.table} WHERE ip_digest = ? AND window_start = ?`,
      [digest, previous],
    );
    const carried = slidingCount(now, this.options.windowMs, 0, rows[0]?.failures ?? 0);
    await this.dataSource.query(
      `INSERT INTO ${this.options.table} (ip_digest, window_start, failures) VALUES (?, ?, 0) ON DUPLICATE KEY UPDATE failures = failures`,
      [digest, current],
    );
    // The conditional UPDATE is the check-and-count in one statement (the row lock serialises parallel callers).
    const result: { affectedRows?: number } = await this.dataSource.query(
      `UPDATE ${this.options.table} SET failures = failures + 1 WHERE ip_digest = ? AND window_start = ? AND failures + ? < ?`,
      [digest, current, carried, limit],
    );
    return (result.affectedRows ?? 0) === 1 ? current : null;
  }

  /** Takes back an event counted by `incrementBelow` in the window it returned (never below zero). */
  async decrement(key: string, window: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE ${this.options.table} SET failures = failures - 1 WHERE ip_digest = ? AND window_start = ? AND failures > 0`,
      [this.digest(key), window],
    );
  }

  /**
   * Counts one more for every key, then reads the keys' sliding counts, each including this caller's own: of N
   * parallel callers exactly the first `limit` see a count ≤ `limit`, so a check against it cannot be raced
   * (reserve, then decide). One upsert and one read for all keys.
   */
  async incrementAndCount(keys: readonly string[]): Promise<number[]> {
    if (keys.length === 0) return [];
    const now = this.now();
    const current = windowStart(now, this.options.windowMs);
    const previous = new Date(current.getTime() - this.options.windowMs);
    const digests = keys.map((k) => this.digest(k));
    // One transaction: the upsert keeps the current windows' rows locked until the read, so the read sees this
    // caller's own count on top of exactly those committed before it (its place in line), not later ones.
    const rows = await retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        // Raw SQL: a multi-row INSERT … ON DUPLICATE KEY UPDATE upsert, the atomic increment the ORM cannot say.
        await manager.query(
          `INSERT INTO ${this.options.table} (ip_digest, window_start, failures) VALUES ${digests.map(() => '(?, ?, 1)').join(', ')} ON DUPLICATE KEY UPDATE failures = failures + 1`,
          digests.flatMap((d) => [d, current]),
        );
        const read: { ip_digest: string; window_start: Date; failures: number }[] = await manager.query(
          `SELECT ip_digest, window_start, failures FROM ${this.options.table} WHERE ip_digest IN (?) AND window_start IN (?, ?)`,
          [digests, current, previous],
        );
        return read;
      }),
    );
    const at = (digest: string, start: Date): number =>
      rows.find((r) => r.ip_digest === digest && new Date(r.window_start).getTime() === start.getTime())
        ?.failures ?? 0;
    return digests.map((d) => slidingCount(now, this.options.windowMs, at(d, current), at(d, previous)));
  }

  /** Gives back what `incrementAndCount` reserved for these keys (the attempt turned out not to be a failure). */
  async release(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    // Raw SQL: a set-based conditional decrement; never below zero, and only in the current window.
    await this.dataSource.query(
      `UPDATE ${this.options.table} SET failures = failures - 1 WHERE ip_digest IN (?) AND window_start = ? AND failures > 0`,
      [keys.map((k) => this.digest(k)), windowStart(this.now(), this.options.windowMs)],
    );
  }

  /** Windows that started before this instant are never read again. */
  deadBefore(now: Date): Date {
    return new Date(windowStart(now, this.options.windowMs).getTime() - this.options.windowMs);
  }

  private digest(key: string): string {
    return createHmac('sha256', this.options.digestSecret).update(key).digest('hex');
  }
}
