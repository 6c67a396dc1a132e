import { BaseServiceEnv, loadConfig } from '@exam/platform';

/** The audit service's settings; the only place it reads the environment. */
export class AuditEnv extends BaseServiceEnv {
  override HTTP_PORT = 3005;
  override DATABASE_NAME = 'exam_audit';
}

export function loadAuditEnv(env: Readonly<Record<string, string | undefined>> = process.env): AuditEnv {
  return loadConfig(AuditEnv, env);
}
