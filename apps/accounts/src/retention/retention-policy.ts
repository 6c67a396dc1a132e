/** How long each kind of dead row is kept after it stopped being useful, and how much one pass may delete. */
export interface RetentionSettings {
  /** One-time codes, after they expired or were used. */
  readonly codesDays: number;
  /** A pending contact change dies with its code (CODE_TTL_SECONDS); it holds someone's phone or email. */
  readonly contactChangeTtlSeconds: number;
  /** Invitations nobody accepted, after they expired. */
  readonly invitationsDays: number;
  /** Sessions (with all their refresh tokens), after they were revoked or expired. */
  readonly sessionsDays: number;
  /** Accounts still `pending` (contact never proven), after the last code sent to them. */
  readonly pendingRegistrationsDays: number;
  readonly batchSize: number;
  /** Upper bound of batches per kind and pass, so one pass ends even if a backlog is huge. */
  readonly maxBatchesPerPass: number;
}

export interface RetentionCutoffs {
  readonly codes: Date;
  readonly contactChanges: Date;
  readonly invitations: Date;
  readonly sessions: Date;
  readonly pendingRegistrations: Date;
  /** Used face-check tokens live 5 minutes; their record of use is kept a day. */
  readonly faceCheckRedemptions: Date;
  /** Per-IP failure counters are read for two minutes at most. */
  readonly loginIpFailures: Date;
  /** Per-IP one-time code counters count in day windows, read for two days at most. */
  readonly codeIpCounters: Date;
}

const DAY_MS = 86_400_000;

/** Rows whose end (expiry, use, revocation) lies before these instants are past retention. */
export function retentionCutoffs(now: Date, settings: RetentionSettings): RetentionCutoffs {
  const at = (ms: number): Date => new Date(now.getTime() - ms);
  return {
    codes: at(settings.codesDays * DAY_MS),
    contactChanges: at(settings.contactChangeTtlSeconds * 1000),
    invitations: at(settings.invitationsDays * DAY_MS),
    sessions: at(settings.sessionsDays * DAY_MS),
    pendingRegistrations: at(settings.pendingRegistrationsDays * DAY_MS),
    faceCheckRedemptions: at(DAY_MS),
    loginIpFailures: at(10 * 60_000),
    codeIpCounters: at(2 * DAY_MS),
  };
}
