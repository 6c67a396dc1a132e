import type { FaceCheckPurpose } from '@exam/platform/face-check';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { PurgeLimits } from '../database/purge-limits';

export interface FaceAttemptKey {
  readonly userId: string;
  readonly purpose: FaceCheckPurpose;
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
}

interface WriteResult {
  readonly affectedRows?: number;
}

/**
 * Daily face-check attempt counters (face_attempt_budgets): per user, purpose and UTC day, the failures that still
 * count plus the checks in flight. A check takes a slot before any model work, so parallel answers cannot all be
 * evaluated against one stale failure count.
 */
@Injectable()
export class FaceAttemptBudgetRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Slots taken (counting failures and checks in flight); 0 without a row. */
  async used(key: FaceAttemptKey): Promise<number> {
    const rows: { used: number }[] = await this.dataSource.query(
      // Raw SQL: read of the counter row the conditional UPDATE below maintains (no entity for it).
      'SELECT used FROM face_attempt_budgets WHERE user_id = ? AND purpose = ? AND day = ?',
      [key.userId, key.purpose, key.day],
    );
    return rows[0]?.used ?? 0;
  }

  /** Takes one slot if fewer than `limit` are taken; false when the budget is spent. */
  async reserve(key: FaceAttemptKey, limit: number): Promise<boolean> {
    if (await this.take(key, limit)) return true;
    if ((await this.used(key)) > 0) return false;
    // Raw SQL: INSERT … ON DUPLICATE KEY UPDATE upsert of the day's row (first check of the day). It starts from
    // the failures already stored, so counters created after a deploy still see earlier failures of that day.
    await this.dataSource.query(
      `INSERT INTO face_attempt_budgets (user_id, purpose, day, used)
       SELECT ?, ?, ?, COUNT(*) FROM face_verifications
        WHERE user_id = ? AND purpose = ? AND day = ? AND outcome <> 'passed' AND overturned_at IS NULL
       ON DUPLICATE KEY UPDATE used = used`,
      [key.userId, key.purpose, key.day, key.userId, key.purpose, key.day],
    );
    return this.take(key, limit);
  }

  private async take(key: FaceAttemptKey, limit: number): Promise<boolean> {
    // Raw SQL: the conditional UPDATE is the atomic check-and-take (the row lock serialises parallel checks).
    const result: WriteResult = await this.dataSource.query(
      'UPDATE face_attempt_budgets SET used = used + 1 WHERE user_id = ? AND purpose = ? AND day = ? AND used < ?',
      [key.userId, key.purpose, key.day, limit],
    );
    return (result.affectedRows ?? 0) === 1;
  }

  /** Gives a slot back: the check passed, ended without a decision, or its failure was overturned. */
  async release(key: FaceAttemptKey, tx?: EntityManager): Promise<void> {
    // Raw SQL: set-based conditional decrement of the counter row, never below zero.
    await (tx ?? this.dataSource.manager).query(
      'UPDATE face_attempt_budgets SET used = used - 1 WHERE user_id = ? AND purpose = ? AND day = ? AND used > 0',
      [key.userId, key.purpose, key.day],
    );
  }

  async deleteByUser(tx: EntityManager, userId: string): Promise<void> {
    // Raw SQL: set-based delete of the user's counter rows (no entity for them).
    await tx.query('DELETE FROM face_attempt_budgets WHERE user_id = ?', [userId]);
  }

  /** Retention: counters of UTC days before `beforeDay` (YYYY-MM-DD), in bounded batches. */
  async purgeBefore(beforeDay: string, limits: PurgeLimits): Promise<{ deleted: number; batches: number }> {
    let deleted = 0;
    let batches = 0;
    while (batches < limits.maxBatches) {
      // Raw SQL: set-based bounded bulk delete; `day` is a YYYY-MM-DD key, not a datetime.
      const result: WriteResult = await this.dataSource.query(
        'DELETE FROM face_attempt_budgets WHERE day < ? ORDER BY day LIMIT ?',
        [beforeDay, limits.batchSize],
      );
      const affected = result.affectedRows ?? 0;
      batches += 1;
      deleted += affected;
      if (affected < limits.batchSize) break;
    }
    return { deleted, batches };
  }
}
