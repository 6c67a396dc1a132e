import { Transform } from 'class-transformer';
import { IsInt, IsString, Max, Min } from 'class-validator';
import { BaseServiceEnv, loadConfig, Secret } from '@exam/platform';

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

  @Transform(toInt) @IsInt() @Min(0) @Max(86_400_000) AUDIT_CHECKPOINT_INTERVAL_MS = 60_000;
}

export function loadAuditEnv(env: Readonly<Record<string, string | undefined>> = process.env): AuditEnv {
  return loadConfig(AuditEnv, env);
}
