import {
  BaseServiceEnv,
  ConfigValidationError,
  developmentFaceCheckKeyPair,
  isDevelopmentFaceCheckKey,
  loadConfig,
  Secret,
  ToBool,
  ToInt,
  ToNumber,
} from '@exam/platform';
import { IsBoolean, IsIn, IsInt, IsNumber, IsString, Matches, Max, Min } from 'class-validator';

/** The identity service's settings; the only place it reads the environment. */
export class IdentityEnv extends BaseServiceEnv {
  override HTTP_PORT = 3002;
  override DATABASE_NAME = 'exam_identity';

  /** Base URL of the real-name authority (the local simulator in development and tests). */
  @Matches(/^https?:\/\/\S+$/, { message: 'AUTHORITY_URL must be an http(s) URL' })
  AUTHORITY_URL = 'http://127.0.0.1:3100';

  @Matches(/^[A-Za-z0-9_-]{3,64}$/) AUTHORITY_APP_ID = 'exam-identity';

  /** Shared secret signing our requests and the authority's notifications. */
  @Secret() @IsString() AUTHORITY_HMAC_SECRET = 'dev-only-authority-secret-change-me';

  /** Seconds an authority call may take before it counts as a provider error (fractional allowed). */
  @ToNumber() @IsNumber() @Min(0.1) @Max(60) AUTHORITY_TIMEOUT_SECONDS = 3;

  /**
   * Who decides liveness: `local` (identity's own challenge-response rules, face/face-liveness.ts) or
   * `authority` (the vendor liveness service at AUTHORITY_URL, see apps/authority-sim/CONTRACT.md § Liveness).
   */
  @IsIn(['local', 'authority']) LIVENESS_PROVIDER: 'local' | 'authority' = 'local';

  /**
   * Face actions in local liveness challenges: one head turn, look straight and one of close_eyes / open_mouth
   * (judged on the face mesh of @vladmandic/human, loaded in a worker when identity starts) instead of both
   * turns. Off by default: the test photos cannot show these actions, so their acceptance is not measured
   * (docs/face-liveness.md). Only for LIVENESS_PROVIDER=local.
   */
  @ToBool() @IsBoolean() LIVENESS_FACE_ACTIONS = false;

  /** Seconds a vendor liveness check may take before the check is refused as undecided (fractional allowed). */
  @ToNumber() @IsNumber() @Min(0.1) @Max(60) LIVENESS_TIMEOUT_SECONDS = 5;

  /** Notifications older or newer than this are refused as possible replays. */
  @ToInt() @IsInt() @Min(5) @Max(3600) AUTHORITY_NOTIFICATION_TOLERANCE_SECONDS = 300;

  /** Authority calls per user per day, kept below the providers' own per-person limits. */
  @ToInt() @IsInt() @Min(1) @Max(100) REAL_NAME_DAILY_ATTEMPTS = 5;

  /** Signs face-check tokens (Ed25519, base64 PKCS#8); the exam service verifies them offline. */
  @Matches(/^[A-Za-z0-9_-]{1,32}$/) FACE_CHECK_KEY_ID = developmentFaceCheckKeyPair().keyId;
  @Secret() @IsString() FACE_CHECK_PRIVATE_KEY = developmentFaceCheckKeyPair().privateKey;
  /** Opens the account a face ticket names; the same value as the accounts service's. */
  @Secret() @IsString() FACE_TICKET_SUBJECT_KEY = 'dev-only-face-ticket-subject-key';

  /** Failed face checks before sign-in (face login, recovery, step-up) per client IP and hour; 0 = no limit. */
  @ToInt() @IsInt() @Min(0) @Max(100_000) FACE_PREAUTH_IP_FAILURES_PER_HOUR = 20;

  /** Seconds between retention passes (retention/), on every replica; 0 = off. */
  @ToInt() @IsInt() @Min(0) @Max(86_400) RETENTION_INTERVAL_SECONDS = 3600;

  /** Rows one retention statement deletes; a pass runs a bounded number of them per data class. */
  @ToInt() @IsInt() @Min(1) @Max(10_000) RETENTION_BATCH_SIZE = 500;

  /** Liveness challenges, used or not, after their expiry (see retention/retention-policy.ts). */
  @ToInt() @IsInt() @Min(1) @Max(365) RETENTION_CHALLENGES_DAYS = 1;

  /** Authority calls, for billing reconciliation; never one a verified record or a consent rests on. */
  @ToInt() @IsInt() @Min(30) @Max(3650) RETENTION_VERIFICATION_ATTEMPTS_DAYS = 1095;

  /** Face-check decisions and their resolved reviews; never one under open review. */
  @ToInt() @IsInt() @Min(30) @Max(3650) RETENTION_FACE_CHECKS_DAYS = 365;

  /** Real-name appeals after their decision; open appeals stay. */
  @ToInt() @IsInt() @Min(30) @Max(3650) RETENTION_APPEALS_DAYS = 365;

  /** Face model worker threads; each keeps a core busy while it works. */
  @ToInt() @IsInt() @Min(1) @Max(8) FACE_WORKERS = 1;
}

export function loadIdentityEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): IdentityEnv {
  const config = loadConfig(IdentityEnv, env);
  if (config.NODE_ENV === 'production' && isDevelopmentFaceCheckKey(config.FACE_CHECK_PRIVATE_KEY)) {
    throw new ConfigValidationError([
      'FACE_CHECK_PRIVATE_KEY: the published development key is refused in production',
    ]);
  }
  return config;
}
