import {
  BaseServiceEnv,
  ConfigValidationError,
  developmentFaceCheckKeyPair,
  loadConfig,
  parseFaceCheckPublicKeys,
  Secret,
  ToInt,
} from '@exam/platform';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

import {
  developmentCertificateKeyPair,
  isDevelopmentCertificateKey,
  parseCertificatePrivateKey,
  parseCertificatePublicKeys,
} from '../certificates/domain/certificate-signature';
import { developmentTicketKeyPair, isDevelopmentTicketKey } from '../ticket/ticket-token';

/** The exam service's settings; the only place it reads the environment. */
export class ExamEnv extends BaseServiceEnv {
  override HTTP_PORT = 3003;
  override DATABASE_NAME = 'exam_exam';
  /** Question imports carry whole workbooks (base64) and banks of thousands of questions. */
  override BODY_LIMIT_BYTES = '16777216';

  /** Signs admission-ticket QR tokens (Ed25519, base64 PKCS#8); door staff verify them offline. */
  @Matches(/^[A-Za-z0-9_-]{1,32}$/) TICKET_KEY_ID = developmentTicketKeyPair().keyId;
  @Secret() @IsString() TICKET_PRIVATE_KEY = developmentTicketKeyPair().privateKey;
  /** `kid=<base64 SPKI>` list the verify route accepts (current and retired keys). */
  @IsString() TICKET_PUBLIC_KEYS = developmentTicketKeyPair().publicKeys;

  /** Signs certificates (Ed25519, base64 PKCS#8); anyone verifies them offline with the published public key. */
  @Matches(/^[A-Za-z0-9_-]{1,32}$/) CERTIFICATE_KEY_ID = developmentCertificateKeyPair().keyId;
  @Secret() @IsString() CERTIFICATE_PRIVATE_KEY = developmentCertificateKeyPair().privateKey;
  /** `kid=<base64 SPKI>` list published at GET /certificates/public-keys (current and retired keys). */
  @IsString() CERTIFICATE_PUBLIC_KEYS = developmentCertificateKeyPair().publicKeys;
  /** Public verification page printed on certificates; the verification code is appended. */
  @Matches(/^https?:\/\/\S+$/, { message: 'CERTIFICATE_VERIFY_URL must be an http(s) URL' })
  CERTIFICATE_VERIFY_URL = 'http://localhost:3000/api/exam/certificates';

  /** A font with CJK glyphs for admission tickets (TrueType collection or TTF); Debian: fonts-noto-cjk. */
  @IsString() TICKET_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
  /** Face name inside a collection (.ttc); ignored for a single-font file. */
  @IsString() TICKET_FONT_FACE = 'NotoSansCJKsc-Regular';

  /** Retention pass interval (0 = off). */
  @ToInt() @IsInt() @Min(0) @Max(86_400) RETENTION_INTERVAL_SECONDS = 3600;
  @ToInt() @IsInt() @Min(1) @Max(10_000) RETENTION_BATCH_SIZE = 500;
  /** Form answers and masked identity of a registration are kept this long after the exam closed or the registration ended. */
  @ToInt() @IsInt() @Min(1) @Max(3650) RETENTION_REGISTRATIONS_DAYS = 365;

  /** Rows one import file may hold (JSON or .xlsx). */
  @ToInt() @IsInt() @Min(1) @Max(50_000) IMPORT_MAX_ROWS = 10_000;

  /**
   * Public keys of the identity service's face-check tokens (`kid=<base64 SPKI>`, comma-separated), checked
   * offline when an exam requires a face check at entry. The default is the published development key.
   */
  @Matches(/^\s*[A-Za-z0-9_-]{1,32}=[A-Za-z0-9+/=]+\s*(,\s*[A-Za-z0-9_-]{1,32}=[A-Za-z0-9+/=]+\s*)*$/, {
    message: 'FACE_CHECK_PUBLIC_KEYS must be kid=<base64 SPKI> entries separated by commas',
  })
  FACE_CHECK_PUBLIC_KEYS = developmentFaceCheckKeyPair().publicKeys;
  /** Saves made before an attempt's deadline (plus the exam's grace) are still accepted this long after it, by server time. */
  @ToInt() @IsInt() @Min(0) @Max(600) EXAM_SAVE_GRACE_SECONDS = 30;
  /** How often each replica finalises attempts past their deadline and grace (0 = off). */
  @ToInt() @IsInt() @Min(0) @Max(3600) EXAM_FINALISE_INTERVAL_SECONDS = 10;
  /** Attempts one finalisation pass closes per transaction. */
  @ToInt() @IsInt() @Min(1) @Max(1000) EXAM_FINALISE_BATCH_SIZE = 50;
  /** How often each replica takes closed attempts into marking and applies key changes to them (0 = off). */
  @ToInt() @IsInt() @Min(0) @Max(3600) EXAM_MARKING_INTAKE_INTERVAL_SECONDS = 10;
  /** Attempts one intake batch or one regrade request handles. */
  @ToInt() @IsInt() @Min(1) @Max(5000) EXAM_MARKING_BATCH_SIZE = 200;
  /** How long a marker holds the answers of a fetched batch before others may take them. */
  @ToInt() @IsInt() @Min(30) @Max(86_400) EXAM_MARKING_CLAIM_SECONDS = 1800;

  // The exam room's rate limit (ADR 0048, decision 9). The ingress may send /api/exam/attempts/* straight here,
  // so exam counts those requests and the gateway leaves them to it. The same names, values and namespace as
  // the gateway's, on the same Redis (REDIS_URL), so an account has one budget whichever way it comes.
  /** Requests per minute per signed-in account (a genuine access token) on the exam-room routes. */
  @ToInt() @IsInt() @Min(1) @Max(1_000_000) RATE_LIMIT_ACCOUNT_PER_MINUTE = 600;
  /** Requests per minute per client address, for exam-room requests without a genuine access token. */
  @ToInt() @IsInt() @Min(1) @Max(1_000_000) RATE_LIMIT_PER_MINUTE = 600;
  /** Key prefix of the shared counters: must equal the gateway's. */
  @Matches(/^[a-z0-9:_-]{1,32}$/, { message: 'RATE_LIMIT_NAMESPACE must be 1-32 of a-z 0-9 : _ -' })
  RATE_LIMIT_NAMESPACE = 'gw-rl:';
}

export function loadExamEnv(env: Readonly<Record<string, string | undefined>> = process.env): ExamEnv {
  const config = loadConfig(ExamEnv, env);
  if (config.NODE_ENV === 'production' && isDevelopmentTicketKey(config.TICKET_PRIVATE_KEY)) {
    throw new ConfigValidationError([
      'TICKET_PRIVATE_KEY: the published development key is refused in production',
    ]);
  }
  if (config.NODE_ENV === 'production' && isDevelopmentCertificateKey(config.CERTIFICATE_PRIVATE_KEY)) {
    throw new ConfigValidationError([
      'CERTIFICATE_PRIVATE_KEY: the published development key is refused in production',
    ]);
  }
  try {
    parseCertificatePrivateKey(config.CERTIFICATE_PRIVATE_KEY);
    if (!parseCertificatePublicKeys(config.CERTIFICATE_PUBLIC_KEYS).has(config.CERTIFICATE_KEY_ID))
      throw new Error(`no public key with the id ${config.CERTIFICATE_KEY_ID} (CERTIFICATE_KEY_ID)`);
  } catch (error: unknown) {
    throw new ConfigValidationError([
      `CERTIFICATE_PUBLIC_KEYS: ${error instanceof Error ? error.message : String(error)}`,
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
