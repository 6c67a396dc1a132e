import { BaseServiceEnv, ConfigValidationError, loadConfig, Secret, ToInt } from '@exam/platform';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

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
}

export function loadExamEnv(env: Readonly<Record<string, string | undefined>> = process.env): ExamEnv {
  const config = loadConfig(ExamEnv, env);
  if (config.NODE_ENV === 'production' && isDevelopmentTicketKey(config.TICKET_PRIVATE_KEY)) {
    throw new ConfigValidationError([
      'TICKET_PRIVATE_KEY: the published development key is refused in production',
    ]);
  }
  return config;
}
