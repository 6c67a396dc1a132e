/**
 * The server's time as seen from this browser: an offset learnt from each answer's server time (taken at the
 * middle of the request's round trip), so the countdown follows the server's deadline whatever the local clock
 * says. The sample with the shortest round trip is the most precise and is kept.
 */
export class ServerClock {
  private offsetMs = 0;
  private bestRoundTripMs = Number.POSITIVE_INFINITY;
  private synced = false;

  constructor(private readonly localNow: () => number = () => Date.now()) {}

  /** One sample: the server's time (ISO) in an answer to a request sent at `sentAt` and received at `receivedAt`. */
  sync(serverTime: string, sentAt: number, receivedAt: number): void {
    const server = Date.parse(serverTime);
    if (Number.isNaN(server)) return;
    const roundTrip = Math.max(0, receivedAt - sentAt);
    // A much older precise sample may have drifted: prefer a fresh one unless it is far worse.
    if (this.synced && roundTrip > this.bestRoundTripMs * 2 + 200) return;
    this.offsetMs = server - (sentAt + roundTrip / 2);
    this.bestRoundTripMs = Math.min(roundTrip, this.bestRoundTripMs);
    this.synced = true;
  }

  /** The server's time now, in ms. */
  now(): number {
    return this.localNow() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Milliseconds left until `deadline` (ISO) by the server's time; never negative. */
  remainingMs(deadline: string): number {
    return Math.max(0, Date.parse(deadline) - this.now());
  }
}

export type CountdownPhase = 'normal' | 'five_minutes' | 'one_minute' | 'over';

export function phaseOf(remainingMs: number): CountdownPhase {
  if (remainingMs <= 0) return 'over';
  if (remainingMs <= 60_000) return 'one_minute';
  if (remainingMs <= 300_000) return 'five_minutes';
  return 'normal';
}

/**
 * The warning to announce when the countdown moves from `before` to `after` ms left: the 5-minute and 1-minute
 * marks once each, and time up; null when no mark was crossed. A room opened with 3 minutes left announces
 * nothing until the 1-minute mark.
 */
export function warningCrossed(before: number, after: number): 'five_minutes' | 'one_minute' | 'over' | null {
  if (before > 0 && after <= 0) return 'over';
  if (before > 60_000 && after <= 60_000) return 'one_minute';
  if (before > 300_000 && after <= 300_000) return 'five_minutes';
  return null;
}

/** `h:mm:ss` or `mm:ss`, rounding up so the display shows 00:00 only when time is really up. */
export function formatRemaining(remainingMs: number): string {
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(2, '0');
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}
