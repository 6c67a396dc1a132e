import type { EntityManager } from 'typeorm';

type Query = (sql: string, parameters: unknown[]) => Promise<unknown>;

/**
 * The per-actor reveal limit as a lock and a count, inside the reveal's transaction. Raw SQL: a row lock on the
 * actor's quota row and a locking count, which the ORM cannot say.
 */
export const RevealQuota = {
  /** Creates the actor's row once, outside any transaction, so parallel first reveals never race to insert it. */
  async ensureActor(query: Query, actorId: string): Promise<void> {
    await query('INSERT IGNORE INTO personal_data_reveal_actors (actor_id) VALUES (?)', [actorId]);
  },

  /** Holds the actor's row until the transaction ends: one reveal of the actor at a time. */
  async lock(manager: EntityManager, actorId: string): Promise<void> {
    await manager.query('SELECT actor_id FROM personal_data_reveal_actors WHERE actor_id = ? FOR UPDATE', [
      actorId,
    ]);
  },

  /** Reveals since `since`, read with a locking read: it sees every reveal committed before the lock was granted. */
  async countSince(manager: EntityManager, actorId: string, since: Date): Promise<number> {
    const rows: { n: number | string }[] = await manager.query(
      'SELECT COUNT(*) AS n FROM personal_data_reveals WHERE actor_id = ? AND revealed_at > ? LOCK IN SHARE MODE',
      [actorId, since],
    );
    return Number(rows[0]?.n ?? 0);
  },
};
