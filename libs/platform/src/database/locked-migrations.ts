import type { DataSource } from 'typeorm';

const LOCK_WAIT_SECONDS = 120;

/**
 * Applies pending migrations while holding a named database lock, so replicas that start together
 * (init containers, compose services with DB_MIGRATIONS_RUN) never run the same migration twice.
 */
export async function runLockedMigrations(dataSource: DataSource): Promise<number> {
  const database = String(dataSource.options.database);
  const lockName = `migrations:${database}`.slice(0, 64);
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const rows = (await runner.query('SELECT GET_LOCK(?, ?) AS acquired', [lockName, LOCK_WAIT_SECONDS])) as {
      acquired: number | string | null;
    }[];
    if (Number(rows[0]?.acquired) !== 1) {
      throw new Error(`Could not take the migration lock for ${database} within ${LOCK_WAIT_SECONDS} s`);
    }
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.length;
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [lockName]);
    }
  } finally {
    await runner.release();
  }
}
