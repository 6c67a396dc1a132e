import type { ServiceDefinition } from '@exam/platform';

import { type IdentityEnv, loadIdentityEnv } from './config/identity.env';
import { IDENTITY_ENTITIES } from './database/entities';
import { IDENTITY_MIGRATIONS } from './database/migrations';
import { IdentityModule } from './identity.module';

export const IDENTITY_SERVICE: ServiceDefinition<IdentityEnv> = {
  service: 'identity',
  loadEnv: () => loadIdentityEnv(),
  module: (env) => IdentityModule.register(env),
  entities: IDENTITY_ENTITIES,
  migrations: IDENTITY_MIGRATIONS,
};
