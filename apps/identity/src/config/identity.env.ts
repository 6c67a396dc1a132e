import { BaseServiceEnv, loadConfig } from '@exam/platform';

/** The identity service's settings; the only place it reads the environment. */
export class IdentityEnv extends BaseServiceEnv {
  override HTTP_PORT = 3002;
  override DATABASE_NAME = 'exam_identity';
}

export function loadIdentityEnv(env: Readonly<Record<string, string | undefined>> = process.env): IdentityEnv {
  return loadConfig(IdentityEnv, env);
}
