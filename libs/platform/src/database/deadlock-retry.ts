import { QueryFailedError } from 'typeorm';

/** InnoDB's answer when it rolled back one transaction of a lock cycle (the whole transaction, nothing committed). */
export const ER_LOCK_DEADLOCK = 1213;
const DEFAULT_ATTEMPTS = 3;

/** The driver's own error (mysql2) for a deadlock victim, as TypeORM's logger receives it. */
export function isDeadlockDriverError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { errno, code } = error as { errno?: unknown; code?: unknown };
  return errno === ER_LOCK_DEADLOCK || code === 'ER_LOCK_DEADLOCK';
}

/** A failed TypeORM query whose transaction InnoDB rolled back to break a lock cycle. */
export function isDeadlock(error: unknown): boolean {
  return error instanceof QueryFailedError && isDeadlockDriverError(error.driverError);
}

/**
 * Runs a whole transaction again when InnoDB chose it as a deadlock victim: it was rolled back entirely, so a
 * replay is safe, and the replay sees what the other transaction committed. Other errors pass through.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = DEFAULT_ATTEMPTS): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error: unknown) {
      if (!isDeadlock(error) || attempt >= attempts) throw error;
    }
  }
}
