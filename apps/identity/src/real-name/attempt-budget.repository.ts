import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { PurgeLimits } from '../database/purge-limits';
import { AttemptBudgetEntity } from './attempt-budget.entity';

interface UpdateResult {
  readonly affectedRows: number;
}

function affectedRows(value: unknown): number {
  return typeof value === 'object' &&
    value !== null &&
    typeof (value as { affectedRows?: unknown }).affectedRows === 'number'
    ? (value as UpdateResult).affectedRows
    : 0;
}

/**
 * The per-user daily budget of authority calls, reserved atomically before a call so that parallel requests
 * of one user cannot overrun it (a conditional UPDATE is the reservation; no read-then-write race).
 */
@Injectable()
export class AttemptBudgetRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Reserves `calls`; returns the calls left after the reservation, or undefined when it would exceed `limit`. */
  async reserve(userId: string, day: string, calls: number, limit: number): Promise<number | undefined> {
    // Raw SQL: an insert-if-absent upsert, then a conditional update as the atomic reservation.
    await this.dataSource.query(
      'INSERT IGNORE INTO real_name_attempt_budgets (user_id, day, used) VALUES (?, ?, 0)',
      [userId, day],
    );
    const result: unknown = await this.dataSource.query(
      'UPDATE real_name_attempt_budgets SET used = used + ? WHERE user_id = ? AND day = ? AND used + ? <= ?',
      [calls, userId, day, calls, limit],
    );
    if (affectedRows(result) === 0) return undefined;
    const row = await this.dataSource.getRepository(AttemptBudgetEntity).findOneByOrFail({ userId, day });
    return Math.max(0, limit - row.used);
  }

  async deleteByUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(AttemptBudgetEntity, { userId });
  }

  /** Retention: budgets of days before `beforeDay` (YYYY-MM-DD), in bounded batches. */
  async purgeBefore(beforeDay: string, limits: PurgeLimits): Promise<{ deleted: number; batches: number }> {
    let deleted = 0;
    let batches = 0;
    while (batches < limits.maxBatches) {
      // Raw SQL: set-based bounded bulk delete; `day` is a YYYY-MM-DD key, not a datetime.
      const affected = affectedRows(
        await this.dataSource.query(
          'DELETE FROM real_name_attempt_budgets WHERE day < ? ORDER BY day LIMIT ?',
          [beforeDay, limits.batchSize],
        ),
      );
      batches += 1;
      deleted += affected;
      if (affected < limits.batchSize) break;
    }
    return { deleted, batches };
  }
}
