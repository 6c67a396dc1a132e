import type { ServiceDefinition } from '@exam/platform';

import { loadPaymentsEnv, type PaymentsEnv } from './config/payments.env';
import { PAYMENTS_ENTITIES } from './database/entities';
import { PAYMENTS_MIGRATIONS } from './database/migrations';
import { PaymentsModule } from './payments.module';

export const PAYMENTS_SERVICE: ServiceDefinition<PaymentsEnv> = {
  service: 'payments',
  loadEnv: () => loadPaymentsEnv(),
  module: (env) => PaymentsModule.register(env),
  entities: PAYMENTS_ENTITIES,
  migrations: PAYMENTS_MIGRATIONS,
};
