import { PlatformModule } from '@exam/platform';
import { DynamicModule, Module } from '@nestjs/common';

import { AccountActionsModule } from './account-actions/account-actions.module';
import { AlertsModule } from './alerts/alerts.module';
import { AppealsModule } from './appeals/appeals.module';
import { AuditLogModule } from './audit-log/audit-log.module';
import type { AuditEnv } from './config/audit.env';
import { AUDIT_ENTITIES } from './database/entities';
import { AUDIT_MIGRATIONS } from './database/migrations';
import { IncidentsModule } from './incidents/incidents.module';
import { LoginRiskModule } from './login-risk/login-risk.module';
import { PlatformRolesAuditModule } from './platform-roles/platform-roles-audit.module';
import { RetentionModule } from './retention/retention.module';

@Module({})
export class AuditModule {
  static register(env: AuditEnv): DynamicModule {
    return {
      module: AuditModule,
      imports: [
        PlatformModule.forService({
          service: 'audit',
          env,
          entities: AUDIT_ENTITIES,
          migrations: AUDIT_MIGRATIONS,
        }),
        AuditLogModule,
        LoginRiskModule,
        AlertsModule,
        AccountActionsModule,
        RetentionModule,
        AppealsModule,
        IncidentsModule,
        PlatformRolesAuditModule,
      ],
    };
  }
}
