import {
  BaseServiceEnv,
  ConfigValidationError,
  developmentFaceCheckKeyPair,
  loadConfig,
  parseFaceCheckPublicKeys,
  Secret,
  ToBool,
  ToInt,
  ToNumber,
} from '@exam/platform';
import { IsBoolean, IsIn, IsInt, IsNumber, IsString, Matches, Max, Min } from 'class-validator';

export const NOTIFIER_MODES = ['dev-mailbox', 'smtp'] as const;
export type NotifierMode = (typeof NOTIFIER_MODES)[number];

/** The accounts service's settings; the only place it reads the environment. */
export class AccountsEnv extends BaseServiceEnv {
  override HTTP_PORT = 3001;
  override DATABASE_NAME = 'exam_accounts';

  /** PKCS#8 PEM of the ES256 (P-256) key that signs access tokens; its public half must be in JWT_PUBLIC_KEYS. */
  @Secret()
  @Matches(/-----BEGIN (EC )?PRIVATE KEY-----/, {
    message: 'JWT_PRIVATE_KEY must be a PEM P-256 private key',
  })
  JWT_PRIVATE_KEY = '';

  /** Key id written into the token header (`kid`), so verifiers pick the right public key during rotation. */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'JWT_KEY_ID must be 1-64 letters, digits, _ or -' })
  JWT_KEY_ID = 'accounts-1';

  /** At most five minutes: a revoked session's token is also refused through the revocation list, this bounds the rest. */
  @ToInt() @IsInt() @Min(60) @Max(300) ACCESS_TOKEN_TTL_SECONDS = 300;

  /** Absolute lifetime of a session (refresh-token family); rotation never extends it. */
  @ToInt() @IsInt() @Min(1) @Max(90) SESSION_TTL_DAYS = 30;

  /** Key of the HMAC that stores one-time codes; a 6-digit code hashed without a secret is guessable offline. */
  @Secret() @IsString() CODE_HASH_KEY = 'dev-only-verification-code-key';

  @ToInt() @IsInt() @Min(60) @Max(3600) CODE_TTL_SECONDS = 600;
  @ToInt() @IsInt() @Min(1) @Max(10) CODE_MAX_ATTEMPTS = 5;
  @ToInt() @IsInt() @Min(0) @Max(600) CODE_RESEND_COOLDOWN_SECONDS = 60;
  /** Codes one account may be sent per purpose in a day; the resend cooldown doubles with each one sent. */
  @ToInt() @IsInt() @Min(1) @Max(1000) CODE_MAX_ISSUED_PER_DAY = 10;
  /** Wrong codes one account may enter per purpose in a day, whatever number of codes were sent. */
  @ToInt() @IsInt() @Min(1) @Max(1000) CODE_MAX_WRONG_PER_DAY = 10;
  /** Codes one client IP may ask for in a sliding day, across all accounts (also counted for unknown ones). */
  @ToInt() @IsInt() @Min(1) @Max(1_000_000) CODE_IP_REQUESTS_PER_DAY = 200;
  /** Wrong codes one client IP may enter in a sliding day, across all accounts. */
  @ToInt() @IsInt() @Min(1) @Max(1_000_000) CODE_IP_WRONG_PER_DAY = 100;

  /** Argon2id cost (OWASP: 19 MiB, t=2, p=1). Changing them rehashes passwords at the next successful login. */
  @ToInt() @IsInt() @Min(8192) @Max(1_048_576) ARGON2_MEMORY_KIB = 19_456;
  @ToInt() @IsInt() @Min(1) @Max(10) ARGON2_TIME_COST = 2;
  @ToInt() @IsInt() @Min(1) @Max(8) ARGON2_PARALLELISM = 1;
  /** Hashes computed at once; 0 = one per CPU. */
  @ToInt() @IsInt() @Min(0) @Max(64) ARGON2_MAX_CONCURRENT = 0;
  /** Password checks that may wait for a free slot; past it callers get 503 at once instead of an unbounded queue. */
  @ToInt() @IsInt() @Min(1) @Max(10_000) ARGON2_MAX_QUEUED = 64;

  /** Keycloak-style brute-force detection: failures before a temporary lock, wait increment, max wait. */
  @ToInt() @IsInt() @Min(1) @Max(100) LOGIN_FAILURE_FACTOR = 5;
  @ToInt() @IsInt() @Min(1) @Max(86_400) LOGIN_WAIT_INCREMENT_SECONDS = 60;
  @ToInt() @IsInt() @Min(1) @Max(86_400) LOGIN_MAX_WAIT_SECONDS = 900;
  /** Failures closer together than this (fractional seconds) are machine speed: lock for LOGIN_QUICK_LOGIN_WAIT_SECONDS at once. */
  @ToNumber() @IsNumber() @Min(0) @Max(60) LOGIN_QUICK_LOGIN_CHECK_SECONDS = 1;
  @ToInt() @IsInt() @Min(0) @Max(3600) LOGIN_QUICK_LOGIN_WAIT_SECONDS = 60;
  /**
   * Failed logins one source (an IPv4 address, an IPv6 /64) may make across all accounts per minute before its
   * sign-ins need a code to a proven contact (password spraying; an exam centre shares one address).
   */
  @ToInt() @IsInt() @Min(1) @Max(100_000) LOGIN_IP_FAILURES_PER_MINUTE = 30;
  /** Failed logins per minute from one source after which every sign-in from it gets 429. */
  @ToInt() @IsInt() @Min(1) @Max(1_000_000) LOGIN_IP_BLOCK_FAILURES_PER_MINUTE = 300;
  /** Failed logins per minute of one (source, account) pair before that pair alone gets 429. */
  @ToInt() @IsInt() @Min(1) @Max(100_000) LOGIN_PAIR_FAILURES_PER_MINUTE = 10;

  /** Base URL of the audit service, asked for a risk decision before any sign-in gets a token. */
  @Matches(/^https?:\/\/\S+$/, { message: 'LOGIN_RISK_URL must look like http://audit:3005' })
  LOGIN_RISK_URL = 'http://127.0.0.1:3005';
  /** How long a sign-in waits for that decision (fractional seconds); without one in time it asks for a code. */
  @ToNumber() @IsNumber() @Min(0.05) @Max(10) LOGIN_RISK_TIMEOUT_SECONDS = 0.8;

  @IsIn(NOTIFIER_MODES) NOTIFIER: NotifierMode = 'dev-mailbox';
  /** smtp://user:pass@host:587 — used when NOTIFIER=smtp. */
  @Secret() @IsString() SMTP_URL = '';
  @IsString() MAIL_FROM = 'Exam Platform <no-reply@exam.local>';

  /**
   * Public keys of the identity service's face-check tokens (`kid=<base64 SPKI>`, comma-separated), for face
   * step-up, face sign-in and password recovery by face. The default is the published development key.
   */
  @Matches(/^\s*[A-Za-z0-9_-]{1,32}=[A-Za-z0-9+/=]+\s*(,\s*[A-Za-z0-9_-]{1,32}=[A-Za-z0-9+/=]+\s*)*$/, {
    message: 'FACE_CHECK_PUBLIC_KEYS must be kid=<base64 SPKI> entries separated by commas',
  })
  FACE_CHECK_PUBLIC_KEYS = developmentFaceCheckKeyPair().publicKeys;

  /**
   * After a face is (re-)enrolled, face sign-in and password recovery by face stay closed this long, so a face
   * enrolled by someone holding a stolen session cannot be used to take the account over at once.
   */
  @ToInt() @IsInt() @Min(0) @Max(2_592_000) FACE_ENROLMENT_COOLING_SECONDS = 259_200;

  /** Encrypts the account a face ticket names; identity holds the same value (`openssl rand -base64 32`). */
  @Secret() @IsString() FACE_TICKET_SUBJECT_KEY = 'dev-only-face-ticket-subject-key';

  /** Lifetime of a face ticket (the permission to take one face check before signing in). */
  @ToInt() @IsInt() @Min(60) @Max(900) FACE_TICKET_TTL_SECONDS = 300;

  /** Seconds between retention passes (deleting expired codes, contact changes, invitations, ended sessions); 0 = off. */
  @ToInt() @IsInt() @Min(0) @Max(86_400) RETENTION_INTERVAL_SECONDS = 3600;
  /** Rows one retention DELETE may remove, so no pass holds locks for long. */
  @ToInt() @IsInt() @Min(1) @Max(10_000) RETENTION_BATCH_SIZE = 500;
  /** One-time codes are deleted this long after they expired or were used. */
  @ToInt() @IsInt() @Min(1) @Max(365) RETENTION_CODES_DAYS = 1;
  /** Sessions and their refresh tokens are deleted this long after they were revoked or expired. */
  @ToInt() @IsInt() @Min(1) @Max(3650) RETENTION_SESSIONS_DAYS = 30;
  /** Invitations nobody accepted are deleted this long after they expired. */
  @ToInt() @IsInt() @Min(1) @Max(3650) RETENTION_INVITATIONS_DAYS = 30;
  /** Registrations never completed (contact never proven) are deleted when no code was sent for this long. */
  @ToInt() @IsInt() @Min(1) @Max(365) RETENTION_PENDING_REGISTRATIONS_DAYS = 7;

  /** Secure cookies need HTTPS; only plain-HTTP local development turns this off. */
  @ToBool() @IsBoolean() COOKIE_SECURE = true;
}

export function loadAccountsEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): AccountsEnv {
  const config = loadConfig(AccountsEnv, env);
  if (config.NODE_ENV === 'production' && config.NOTIFIER === 'dev-mailbox') {
    throw new ConfigValidationError([
      'NOTIFIER: production must deliver codes for real (set NOTIFIER=smtp and SMTP_URL)',
    ]);
  }
  try {
    parseFaceCheckPublicKeys(config.FACE_CHECK_PUBLIC_KEYS);
  } catch (error: unknown) {
    throw new ConfigValidationError([
      `FACE_CHECK_PUBLIC_KEYS: ${error instanceof Error ? error.message : String(error)}`,
    ]);
  }
  if (
    config.NODE_ENV === 'production' &&
    config.FACE_CHECK_PUBLIC_KEYS.includes(developmentFaceCheckKeyPair().publicKeys)
  ) {
    throw new ConfigValidationError([
      'FACE_CHECK_PUBLIC_KEYS: production must not trust the published development face-check key',
    ]);
  }
  return config;
}
