import { Module } from '@nestjs/common';

import { PlatformRoleChangesConsumer } from './platform-role-changes.consumer';

/** The audit side of platform role changes made in accounts (AuditLogService comes from the global AuditLogModule). */
@Module({ controllers: [PlatformRoleChangesConsumer] })
export class PlatformRolesAuditModule {}
