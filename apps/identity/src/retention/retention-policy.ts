import { calendarDateIn, formatDate } from '../id-number';

/**
 * Which identity data goes by retention, and when. Pure: the periods come from the env
 * (`RETENTION_<CLASS>_DAYS`), the instant from the caller.
 *
 * Deleted by retention, each class this long after it stopped being useful:
 * - challenges (face_challenges, real_name_face_challenges): RETENTION_CHALLENGES_DAYS after their expiry, used
 *   or not. A challenge is worthless minutes after it was made; the grace keeps "expired" (not "not found") as
 *   the answer to a late reply. What a check decided lives on in its decision record.
 * - verification attempts (verification_attempts): RETENTION_VERIFICATION_ATTEMPTS_DAYS after the call, for
 *   billing reconciliation and disputes with the provider. Never one a verified record or a guardian consent
 *   still names as its proof.
 * - face checks (face_verifications, with their resolved face_review_requests): RETENTION_FACE_CHECKS_DAYS
 *   after the check, to explain and re-score decisions. Never one with an open review.
 * - appeals (real_name_appeals): RETENTION_APPEALS_DAYS after they were decided. Open appeals stay.
 * Deleted on a fixed rule (nothing to configure):
 * - raw enrolment images (face_raw_images): at their own expiry, set from the institution's policy.
 * - per-network failure counters (face_preauth_ip_failures): once their hour can no longer be read.
 * - daily attempt budgets (real_name_attempt_budgets): once their China calendar day is two days past.
 * - daily face-check attempt counters (face_attempt_budgets): once their UTC day is two days past.
 * Never deleted by retention (only by erasure, withdrawal or an appeal's decision): verified real-name records,
 * guardian consents, face templates, face consents and institutions' image policies.
 */
export interface RetentionPeriods {
  readonly challengesDays: number;
  readonly verificationAttemptsDays: number;
  readonly faceChecksDays: number;
  readonly appealsDays: number;
}

export interface RetentionCutoffs {
  /** Challenges that expired at or before this go. */
  readonly challenges: Date;
  /** Raw images whose own expiry is at or before this go. */
  readonly rawImages: Date;
  /** Failure-counter windows that started at or before this go. */
  readonly preAuthIpFailures: Date;
  /** Budgets of China calendar days before this one (YYYY-MM-DD) go. */
  readonly attemptBudgetsBeforeDay: string;
  /** Face-check attempt counters of UTC days before this one (YYYY-MM-DD) go. */
  readonly faceAttemptBudgetsBeforeDay: string;
  readonly verificationAttempts: Date;
  readonly faceChecks: Date;
  /** Appeals decided at or before this go. */
  readonly appeals: Date;
}

const DAY_MS = 86_400_000;
/** The window of the pre-sign-in failure counters (PreAuthIpBudget): the current and the previous hour are read. */
export const PRE_AUTH_IP_WINDOW_MS = 3_600_000;
/** Budgets are per China calendar day; two days later no clock anywhere still counts against them. */
const ATTEMPT_BUDGET_DAYS_KEPT = 2;

export function retentionCutoffs(now: Date, periods: RetentionPeriods): RetentionCutoffs {
  const daysAgo = (days: number): Date => new Date(now.getTime() - days * DAY_MS);
  const currentWindow = Math.floor(now.getTime() / PRE_AUTH_IP_WINDOW_MS) * PRE_AUTH_IP_WINDOW_MS;
  return {
    challenges: daysAgo(periods.challengesDays),
    rawImages: now,
    // Windows starting before the previous one are dead; the cutoff is inclusive, so one millisecond earlier.
    preAuthIpFailures: new Date(currentWindow - PRE_AUTH_IP_WINDOW_MS - 1),
    attemptBudgetsBeforeDay: formatDate(calendarDateIn(daysAgo(ATTEMPT_BUDGET_DAYS_KEPT))),
    faceAttemptBudgetsBeforeDay: daysAgo(ATTEMPT_BUDGET_DAYS_KEPT).toISOString().slice(0, 10),
    verificationAttempts: daysAgo(periods.verificationAttemptsDays),
    faceChecks: daysAgo(periods.faceChecksDays),
    appeals: daysAgo(periods.appealsDays),
  };
}
