import { BaseServiceEnv, loadConfig, Secret, ToBool, ToInt } from '@exam/platform';
import { IsBoolean, IsInt, IsString, Max, Min } from 'class-validator';

/** The audit service's settings; the only place it reads the environment. */
export class AuditEnv extends BaseServiceEnv {
  override HTTP_PORT = 3005;
  override DATABASE_NAME = 'exam_audit';

  /**
   * Ed25519 private key (PKCS#8 PEM) that signs chain checkpoints. Empty outside production means an
   * ephemeral key per process, which is only good for throwaway runs: its checkpoints cannot be verified later.
   */
  @Secret() @IsString() AUDIT_SIGNING_KEY = '';

  /**
   * HMAC keys of the audit chain (comma-separated base64, at least 32 bytes each, newest first): the first
   * writes, all verify. Outside the database, so its credentials alone cannot forge or extend the chain.
   * Empty outside production means a random key per process (throwaway runs only).
   */
  @Secret() @IsString() AUDIT_CHAIN_KEYS = '';

  /** JSON object of key id → Ed25519 public key (PEM) of earlier signing keys, so old checkpoints stay verifiable. */
  @IsString() AUDIT_VERIFY_KEYS = '';

  /** Checkpoints live outside the audit database, so rewriting the database alone cannot forge them. */
  @IsString() AUDIT_CHECKPOINT_DIR = '.local/audit-checkpoints';

  /** 0 turns scheduled checkpoints off (tests trigger them through the API). */
  @ToInt() @IsInt() @Min(0) @Max(86_400) AUDIT_CHECKPOINT_INTERVAL_SECONDS = 60;

  /** Login and network logs are kept at least six months (网络安全法 §21); shorter values are refused. */
  @ToInt() @IsInt() @Min(180) @Max(3650) RETENTION_LOGIN_LOG_DAYS = 180;

  /**
   * Failed attempts per IP or device (the credential-stuffing windows) and their lock rows. They only serve
   * detection windows, which are at most a day long (risk rule params), so a day is the minimum.
   */
  @ToInt() @IsInt() @Min(1) @Max(30) RETENTION_SOURCE_FAILURES_DAYS = 1;

  /** How often the retention pass runs; 0 turns the schedule off (it can still be run through the API). */
  @ToInt() @IsInt() @Min(0) @Max(604_800) RETENTION_INTERVAL_SECONDS = 86_400;

  /** Rows one retention DELETE removes: small batches keep row locks short while consumers keep writing. */
  @ToInt() @IsInt() @Min(1) @Max(10_000) RETENTION_BATCH_SIZE = 5000;

  /** Coordinates for addresses outside China from geoip-lite (~200 MB of memory, loaded on first use). */
  @ToBool() @IsBoolean() AUDIT_GEO_WORLD_COORDINATES = true;
}

export function loadAuditEnv(env: Readonly<Record<string, string | undefined>> = process.env): AuditEnv {
  return loadConfig(AuditEnv, env);
}
