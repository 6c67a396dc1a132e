/**
 * How long a liveness challenge row outlives its expiry before the retention pass deletes it. Used or not, a
 * challenge is worthless two minutes after it was made; the day of grace only keeps "expired" (rather than
 * "not found") as the answer to a late reply, and keeps the row for a same-day support question. What a check
 * decided lives on in its verification or attempt record, not in the challenge.
 */
export const CHALLENGE_RETENTION_GRACE_MS = 86_400_000;
export const CHALLENGE_PURGE_BATCH = 500;
export const CHALLENGE_PURGE_MAX_BATCHES = 20;

/** The expiry at or before which a challenge row is deleted by a pass at `now`. */
export function challengePurgeCutoff(now: Date): Date {
  return new Date(now.getTime() - CHALLENGE_RETENTION_GRACE_MS);
}
