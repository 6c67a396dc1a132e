import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EMPTY_HISTORY, type LoginHistory } from './risk-engine';

interface ProfileRow {
  user_id: string;
  history: string;
}

function parseHistory(text: string): LoginHistory {
  return { ...EMPTY_HISTORY, ...(JSON.parse(text) as Partial<LoginHistory>) };
}

/**
 * Per-user login histories (`login_profiles`), read and written set-based for a batch of events.
 * Every writer appends to the `accounts` chain stream first, so the stream head lock already
 * serializes them; the row locks taken here keep that true for any future writer that does not.
 */
@Injectable()
export class LoginHistoryStore {
  async lockMany(manager: EntityManager, userIds: readonly string[]): Promise<Map<string, LoginHistory>> {
    const histories = new Map<string, LoginHistory>();
    if (userIds.length === 0) return histories;
    const rows: ProfileRow[] = await manager.query('SELECT user_id, history FROM login_profiles WHERE user_id IN (?) FOR UPDATE', [[...new Set(userIds)]]);
    for (const row of rows) histories.set(row.user_id, parseHistory(row.history));
    return histories;
  }

  async saveMany(manager: EntityManager, histories: ReadonlyMap<string, LoginHistory>): Promise<void> {
    if (histories.size === 0) return;
    const entries = [...histories];
    await manager.query(
      `INSERT INTO login_profiles (user_id, history, updated_at) VALUES ${entries.map(() => '(?, ?, UTC_TIMESTAMP(3))').join(', ')}
       ON DUPLICATE KEY UPDATE history = VALUES(history), updated_at = VALUES(updated_at)`,
      entries.flatMap(([userId, history]) => [userId, JSON.stringify(history)]),
    );
  }
}
