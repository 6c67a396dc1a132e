import type { EntityManager } from 'typeorm';

/** How to lock a set of rows by key, and how to create the missing ones. */
export interface LockableRows<Row> {
  /** `SELECT … WHERE key IN (?) ORDER BY key FOR UPDATE`, taking the key list as its one parameter. */
  readonly select: string;
  readonly keyOf: (row: Row) => string;
  /** Inserts the given missing keys (INSERT IGNORE: someone may create them meanwhile). */
  readonly create: (manager: EntityManager, missing: readonly string[]) => Promise<unknown>;
}

/**
 * Locks the rows of `keys`, creating missing ones first, and returns them by key. Meant for READ
 * COMMITTED transactions: existing rows are locked before anything is inserted, so a duplicate-key
 * check never takes a shared lock on a row that another transaction is about to lock exclusively
 * (the shared-to-exclusive upgrade deadlock), and missing keys leave no gap locks behind.
 */
export async function lockOrCreateRows<Row>(
  manager: EntityManager,
  keys: readonly string[],
  rows: LockableRows<Row>,
): Promise<Map<string, Row>> {
  const unique = [...new Set(keys)].sort();
  const found = new Map<string, Row>();
  if (unique.length === 0) return found;
  const lock = async (list: readonly string[]): Promise<void> => {
    const locked: Row[] = await manager.query(rows.select, [list]);
    for (const row of locked) found.set(rows.keyOf(row), row);
  };
  await lock(unique);
  const missing = unique.filter((k) => !found.has(k));
  if (missing.length > 0) {
    await rows.create(manager, missing);
    await lock(missing);
  }
  return found;
}
