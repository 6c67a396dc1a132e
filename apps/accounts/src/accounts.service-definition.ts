import type { ServiceDefinition } from '@exam/platform';
import { loadAccountsEnv, type AccountsEnv } from './config/accounts.env';
import { ACCOUNTS_ENTITIES } from './database/entities';
import { ACCOUNTS_MIGRATIONS } from './database/migrations';
import { AccountsModule } from './accounts.module';

export const ACCOUNTS_SERVICE: ServiceDefinition<AccountsEnv> = {
  service: 'accounts',
  loadEnv: () => loadAccountsEnv(),
  module: (env) => AccountsModule.register(env),
  entities: ACCOUNTS_ENTITIES,
  migrations: ACCOUNTS_MIGRATIONS,
};
