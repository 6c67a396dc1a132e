import { AuditLogEntryEntity, AuditStreamHeadEntity } from '../audit-log/audit-log-entry.entity';

/** Every TypeORM entity the audit service owns. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const AUDIT_ENTITIES: Function[] = [AuditLogEntryEntity, AuditStreamHeadEntity];
