import { loadConfig, LOG_LEVELS, type LogLevel, NODE_ENVS, type NodeEnv, Secret } from '@exam/platform';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsString, Matches, Max, Min } from 'class-validator';

const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? Number(value) : value;

/** The simulator's settings; the only place it reads the environment. */
export class AuthoritySimEnv {
  @IsIn(NODE_ENVS) NODE_ENV: NodeEnv = 'development';
  @Transform(toNumber) @IsInt() @Min(0) @Max(65535) HTTP_PORT = 3100;
  @IsIn(LOG_LEVELS) LOG_LEVEL: LogLevel = 'info';

  /** App id clients put in X-Authority-App-Id. */
  @Matches(/^[A-Za-z0-9_-]{3,64}$/) AUTHORITY_APP_ID = 'exam-identity';

  /** Shared secret for request signatures and notification signatures (HMAC-SHA-256). */
  @Secret() @IsString() AUTHORITY_HMAC_SECRET = 'dev-only-authority-secret-change-me';

  /** Requests accepted per app id per minute, like the commercial services' QPS quotas. */
  @Transform(toNumber) @IsInt() @Min(1) @Max(1_000_000) AUTHORITY_RATE_LIMIT_PER_MINUTE = 600;

  /** A request or notification older or newer than this is refused as a possible replay. */
  @Transform(toNumber) @IsInt() @Min(5) @Max(3600) AUTHORITY_SIGNATURE_TOLERANCE_SECONDS = 300;

  /** Similarity (0..1) at or above which a live capture counts as the authority photo's person. */
  @Transform(toNumber) @IsNumber() @Min(0) @Max(1) AUTHORITY_FACE_THRESHOLD = 0.8;

  @Matches(/^[A-Za-z0-9._-]{1,64}$/) AUTHORITY_MODEL_VERSION = 'sim-face-2026.1';

  /**
   * Directory of reference photos, one sub-directory per identity label (CONTRACT.md § Face comparison); the
   * start command and the e2e tests point it at ../shared/testdata/faces. Empty: the register holds no photos,
   * so every face check answers no_photo. Test photos never ship with the product.
   */
  @IsString() AUTHORITY_REFERENCE_PHOTOS_DIR = '';

  /** Extra deterministic test persons (see CONTRACT.md), for load tests. */
  @Transform(toNumber) @IsInt() @Min(0) @Max(100_000) AUTHORITY_GENERATED_PERSONS = 2000;
}

export function loadAuthoritySimEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): AuthoritySimEnv {
  return loadConfig(AuthoritySimEnv, env);
}
