import { BaseServiceEnv, loadConfig } from '@exam/platform';

/** The accounts service's settings; the only place it reads the environment. */
export class AccountsEnv extends BaseServiceEnv {
  override HTTP_PORT = 3001;
  override DATABASE_NAME = 'exam_accounts';
}

export function loadAccountsEnv(env: Readonly<Record<string, string | undefined>> = process.env): AccountsEnv {
  return loadConfig(AccountsEnv, env);
}
