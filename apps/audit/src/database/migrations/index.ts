import { AuditLogTables1764115300000 } from './1764115300000-audit-log-tables';

/** The audit service's own migrations, oldest first (platform tables come from @exam/platform). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const AUDIT_MIGRATIONS: Function[] = [AuditLogTables1764115300000];
