import type { ServiceDefinition } from '@exam/platform';

import { AuditModule } from './audit.module';
import { type AuditEnv, loadAuditEnv } from './config/audit.env';
import { AUDIT_ENTITIES } from './database/entities';
import { AUDIT_MIGRATIONS } from './database/migrations';

export const AUDIT_SERVICE: ServiceDefinition<AuditEnv> = {
  service: 'audit',
  loadEnv: () => loadAuditEnv(),
  module: (env) => AuditModule.register(env),
  entities: AUDIT_ENTITIES,
  migrations: AUDIT_MIGRATIONS,
};
