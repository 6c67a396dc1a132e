import type { ServiceDefinition } from '@exam/platform';

import { AccountsModule } from './accounts.module';
import { type AccountsEnv, loadAccountsEnv } from './config/accounts.env';
import { ACCOUNTS_ENTITIES } from './database/entities';
import { ACCOUNTS_MIGRATIONS } from './database/migrations';

export const ACCOUNTS_SERVICE: ServiceDefinition<AccountsEnv> = {
  service: 'accounts',
  loadEnv: () => loadAccountsEnv(),
  module: (env) => AccountsModule.register(env),
  entities: ACCOUNTS_ENTITIES,
  migrations: ACCOUNTS_MIGRATIONS,
};
