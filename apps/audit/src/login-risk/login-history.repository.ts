import { deleteInBatches } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { BatchLimits } from '../database/batch-limits';
import { lockOrCreateRows } from '../database/lock-rows';
import { EMPTY_HISTORY, type LoginHistory } from './risk-engine';

interface ProfileRow {
  user_id: string;
  history: string;
}

const EMPTY_HISTORY_TEXT = JSON.stringify(EMPTY_HISTORY);

function parseHistory(text: string): LoginHistory {
  return { ...EMPTY_HISTORY, ...(JSON.parse(text) as Partial<LoginHistory>) };
}

/**
 * Per-user login histories (`login_profiles`), read and written set-based for a batch of events.
 * Writers lock the users' rows (creating empty ones for new users), so login batches and credential
 * changes of one user apply in turn whichever partition or topic they come from.
 */
@Injectable()
export class LoginHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Raw: row locks in key order with INSERT IGNORE of the missing rows, on the ingestion hot path. */
  async lockMany(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, LoginHistory>> {
    const rows = await lockOrCreateRows<ProfileRow>(manager, userIds, {
      select: 'SELECT user_id, history FROM login_profiles WHERE user_id IN (?) ORDER BY user_id FOR UPDATE',
      keyOf: (row) => row.user_id,
      create: (m, missing) =>
        m.query(
          `INSERT IGNORE INTO login_profiles (user_id, history, updated_at) VALUES ${missing.map(() => '(?, ?, UTC_TIMESTAMP(3))').join(', ')}`,
          missing.flatMap((id) => [id, EMPTY_HISTORY_TEXT]),
        ),
    });
    return new Map([...rows].map(([userId, row]) => [userId, parseHistory(row.history)]));
  }

  /** One user's history as committed, without a lock (a synchronous decision only reads). */
  async find(manager: EntityManager, userId: string): Promise<LoginHistory> {
    // Raw: the table has no entity; one indexed read on the sign-in path.
    const rows: (ProfileRow | undefined)[] = await manager.query(
      'SELECT user_id, history FROM login_profiles WHERE user_id = ?',
      [userId],
    );
    return rows[0] === undefined ? EMPTY_HISTORY : parseHistory(rows[0].history);
  }

  /** Raw: one multi-row INSERT … ON DUPLICATE KEY UPDATE upsert per batch (ingestion hot path). */
  async saveMany(manager: EntityManager, histories: ReadonlyMap<string, LoginHistory>): Promise<void> {
    if (histories.size === 0) return;
    const entries = [...histories];
    await manager.query(
      `INSERT INTO login_profiles (user_id, history, updated_at) VALUES ${entries.map(() => '(?, ?, UTC_TIMESTAMP(3))').join(', ')}
       ON DUPLICATE KEY UPDATE history = VALUES(history), updated_at = VALUES(updated_at)`,
      entries.flatMap(([userId, history]) => [userId, JSON.stringify(history)]),
    );
  }

  /** Histories not updated since the cutoff, in bounded batches (raw: set-based bulk delete). */
  async deleteUpdatedBefore(cutoff: Date, limits: BatchLimits): Promise<number> {
    const spec = { table: 'login_profiles', column: 'updated_at', ...limits };
    return (await deleteInBatches((sql, p) => this.dataSource.query(sql, p), spec, cutoff)).deleted;
  }
}
