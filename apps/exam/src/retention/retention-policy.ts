/**
 * What the exam service keeps past its use and for how long. Registrations hold form answers (employer,
 * education, photo…) and the masked verified identity: needed until results and appeals are over, so they
 * are kept `registrationsDays` after the exam closed (or after the registration was cancelled or rejected),
 * then emptied. Numbers, states and amounts stay: they carry no personal data and payments may need them.
 */
export interface RetentionSettings {
  readonly registrationsDays: number;
  readonly batchSize: number;
  readonly maxBatchesPerPass: number;
}

const DAY_MS = 86_400_000;

export function registrationsCutoff(now: Date, settings: RetentionSettings): Date {
  return new Date(now.getTime() - settings.registrationsDays * DAY_MS);
}
