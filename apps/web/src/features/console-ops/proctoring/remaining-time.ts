/** `H:MM:SS` from one hour on, else `MM:SS`; negative or fractional seconds count as whole seconds left (≥ 0). Pure. */
export function formatRemaining(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return hours > 0 ? `${String(hours)}:${two(minutes)}:${two(secs)}` : `${two(minutes)}:${two(secs)}`;
}

/**
 * The time left now, from what the server said at `serverTime`: the board refreshes every few seconds, and in
 * between the clock keeps running unless the attempt is paused. Pure.
 */
export function remainingNow(
  remainingSeconds: number,
  serverTime: string,
  now: number,
  paused: boolean,
): number {
  if (paused) return remainingSeconds;
  const elapsed = Math.max(0, (now - Date.parse(serverTime)) / 1000);
  return Math.max(0, remainingSeconds - elapsed);
}

/** Whole seconds from `at` to the server's `serverTime` (≥ 0), for "saved 40 s ago"; null when never saved. Pure. */
export function secondsSince(at: string | null, serverTime: string): number | null {
  if (at === null) return null;
  return Math.max(0, Math.round((Date.parse(serverTime) - Date.parse(at)) / 1000));
}
