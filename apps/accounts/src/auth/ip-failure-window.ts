/** Length of one counting window of failed sign-ins per client IP. */
export const IP_WINDOW_MS = 60_000;

/** Start of the fixed window that holds `at`. */
export function windowStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / IP_WINDOW_MS) * IP_WINDOW_MS);
}

/**
 * Failures in the sliding minute ending at `at`, estimated from two fixed windows: all of the current one,
 * plus the previous one weighted by how much of it the sliding minute still covers. Two counters per IP
 * instead of a timestamp per failure, with an error bounded by the previous window's count.
 */
export function slidingFailures(at: Date, current: number, previous: number): number {
  const intoCurrent = (at.getTime() - windowStart(at).getTime()) / IP_WINDOW_MS;
  return current + previous * (1 - intoCurrent);
}
