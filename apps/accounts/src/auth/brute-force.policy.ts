/** Keycloak's brute-force detection parameters (permanent lockout off). */
export interface BruteForceSettings {
  readonly failureFactor: number;
  readonly waitIncrementMs: number;
  readonly maxWaitMs: number;
  readonly quickLoginCheckMs: number;
  readonly minimumQuickLoginWaitMs: number;
}

export interface FailureState {
  readonly failedLogins: number;
  readonly lastFailedAt: Date | null;
  readonly lockedUntil: Date | null;
}

export function isLocked(state: FailureState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * The state after one more failure: every `failureFactor` failures add one `waitIncrement` of lock (capped at
 * `maxWait`), and two failures closer than `quickLoginCheck` lock for at least `minimumQuickLoginWait`.
 */
export function afterFailure(state: FailureState, now: Date, settings: BruteForceSettings): FailureState {
  const failedLogins = state.failedLogins + 1;
  let lockMs = 0;
  if (failedLogins >= settings.failureFactor) {
    lockMs = Math.min(
      settings.waitIncrementMs * Math.floor(failedLogins / settings.failureFactor),
      settings.maxWaitMs,
    );
  }
  const quick =
    state.lastFailedAt !== null && now.getTime() - state.lastFailedAt.getTime() < settings.quickLoginCheckMs;
  if (quick) lockMs = Math.max(lockMs, settings.minimumQuickLoginWaitMs);
  const lockedUntil = lockMs > 0 ? new Date(now.getTime() + lockMs) : state.lockedUntil;
  return { failedLogins, lastFailedAt: now, lockedUntil };
}

export function afterSuccess(): FailureState {
  return { failedLogins: 0, lastFailedAt: null, lockedUntil: null };
}
