import type { EntityManager } from 'typeorm';

/**
 * Locks the row `select` finds, creating it with `insert` first if it does not exist yet. Selecting
 * FOR UPDATE before inserting matters: INSERT IGNORE on an existing key takes a shared lock, and two
 * transactions upgrading shared locks to exclusive deadlock each other on every busy row.
 */
export async function lockOrCreateRow<Row>(
  manager: EntityManager,
  select: readonly [string, readonly unknown[]],
  insert: readonly [string, readonly unknown[]],
): Promise<Row | undefined> {
  const existing: Row[] = await manager.query(select[0], [...select[1]]);
  if (existing.length > 0) return existing[0];
  await manager.query(insert[0], [...insert[1]]);
  const created: Row[] = await manager.query(select[0], [...select[1]]);
  return created[0];
}
