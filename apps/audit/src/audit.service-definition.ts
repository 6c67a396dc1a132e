import type { ServiceDefinition } from '@exam/platform';
import { loadAuditEnv, type AuditEnv } from './config/audit.env';
import { AUDIT_ENTITIES } from './database/entities';
import { AUDIT_MIGRATIONS } from './database/migrations';
import { AuditModule } from './audit.module';

export const AUDIT_SERVICE: ServiceDefinition<AuditEnv> = {
  service: 'audit',
  loadEnv: () => loadAuditEnv(),
  module: (env) => AuditModule.register(env),
  entities: AUDIT_ENTITIES,
  migrations: AUDIT_MIGRATIONS,
};
