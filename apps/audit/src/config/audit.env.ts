import { BaseServiceEnv, loadConfig, Secret } from '@exam/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, Min } from 'class-validator';

const toBool = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? Number(value) : value);

/** The audit service's settings; the only place it reads the environment. */
export class AuditEnv extends BaseServiceEnv {
  override HTTP_PORT = 3005;
  override DATABASE_NAME = 'exam_audit';

  /**
   * Ed25519 private key (PKCS#8 PEM) that signs chain checkpoints. Empty outside production means an
   * ephemeral key per process, which is only good for throwaway runs: its checkpoints cannot be verified later.
   */
  @Secret() @IsString() AUDIT_SIGNING_KEY = '';

  /** JSON object of key id → Ed25519 public key (PEM) of earlier signing keys, so old checkpoints stay verifiable. */
  @IsString() AUDIT_VERIFY_KEYS = '';

  /** Checkpoints live outside the audit database, so rewriting the database alone cannot forge them. */
  @IsString() AUDIT_CHECKPOINT_DIR = '.local/audit-checkpoints';

  /** 0 turns scheduled checkpoints off (tests trigger them through the API). */
  @Transform(toInt) @IsInt() @Min(0) @Max(86_400_000) AUDIT_CHECKPOINT_INTERVAL_MS = 60_000;

  /** Login and network logs are kept at least six months (网络安全法 §21); shorter values are refused. */
  @Transform(toInt) @IsInt() @Min(180) @Max(3650) AUDIT_LOGIN_LOG_RETENTION_DAYS = 180;

  /** How often the retention job runs; 0 turns the schedule off (it can still be run through the API). */
  @Transform(toInt) @IsInt() @Min(0) @Max(604_800_000) AUDIT_RETENTION_INTERVAL_MS = 86_400_000;

  /** Coordinates for addresses outside China from geoip-lite (~200 MB of memory, loaded on first use). */
  @Transform(toBool) @IsBoolean() AUDIT_GEO_WORLD_COORDINATES = true;
}

export function loadAuditEnv(env: Readonly<Record<string, string | undefined>> = process.env): AuditEnv {
  return loadConfig(AuditEnv, env);
}
