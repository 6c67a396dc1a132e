import { QueryFailedError } from 'typeorm';

/** InnoDB's answer when it rolled back one transaction of a lock cycle (the whole transaction, nothing committed). */
export const ER_LOCK_DEADLOCK = 1213;
const DEFAULT_ATTEMPTS = 3;

export function isDeadlock(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { errno?: unknown; code?: unknown } | undefined;
  return driverError?.errno === ER_LOCK_DEADLOCK || driverError?.code === 'ER_LOCK_DEADLOCK';
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
