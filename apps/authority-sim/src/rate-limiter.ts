/** Fixed one-minute windows per client, which is how the commercial services meter their QPS quotas. */
export class FixedWindowRateLimiter {
  private windowStart = 0;
  private readonly counts = new Map<string, number>();

  constructor(private readonly perMinute: number) {}

  /** Seconds until the window resets when over the limit, otherwise undefined (and the request is counted). */
  take(client: string, nowMs: number): number | undefined {
    const window = Math.floor(nowMs / 60_000) * 60_000;
    if (window !== this.windowStart) {
      this.windowStart = window;
      this.counts.clear();
    }
    const used = this.counts.get(client) ?? 0;
    if (used >= this.perMinute) return Math.max(1, Math.ceil((window + 60_000 - nowMs) / 1000));
    this.counts.set(client, used + 1);
    return undefined;
  }
}
