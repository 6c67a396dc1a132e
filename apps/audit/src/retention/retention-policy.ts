/**
 * What audit keeps and for how long. The hash chain is not here: it holds no personal data and is never
 * pruned. Login data is personal (who signed in, from which /24, with which device), kept for detection
 * and for the legal minimum of network logs, then deleted.
 */
export interface RetentionSettings {
  /**
   * Login assessments (the automated decisions users may ask about) and per-user login histories, after
   * the attempt or the last update. Network logs are kept six months at least (网络安全法 §21).
   */
  readonly loginLogDays: number;
  /** Failed attempts per keyed IP or device and their lock rows: only detection windows (≤ a day) read them. */
  readonly sourceFailuresDays: number;
}

/** The legal floor of `loginLogDays`; the env class refuses less. */
export const MIN_LOGIN_LOG_DAYS = 180;

export interface RetentionCutoffs {
  /** Login assessments attempted and histories last updated before this are deleted. */
  readonly loginLogs: Date;
  /** Source failures (and source lock rows) older than this are deleted. */
  readonly sourceFailures: Date;
}

const DAY_MS = 86_400_000;

/** Rows whose time lies before these instants are past retention. */
export function retentionCutoffs(now: Date, settings: RetentionSettings): RetentionCutoffs {
  const daysBefore = (days: number): Date => new Date(now.getTime() - days * DAY_MS);
  return {
    loginLogs: daysBefore(Math.max(settings.loginLogDays, MIN_LOGIN_LOG_DAYS)),
    sourceFailures: daysBefore(settings.sourceFailuresDays),
  };
}
