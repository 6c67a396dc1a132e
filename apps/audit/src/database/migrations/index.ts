import { AuditLogTables1764115300000 } from './1764115300000-audit-log-tables';
import { LoginRiskTables1764115300001 } from './1764115300001-login-risk-tables';
import { AlertTables1764115300002 } from './1764115300002-alert-tables';
import { AppealsIncidents1764115300003 } from './1764115300003-appeals-incidents';
import { AlertInstitutions1764115300004 } from './1764115300004-alert-institutions';
import { LoginSourceLocks1764115300005 } from './1764115300005-login-source-locks';
import { AuditChainMacKey1764115300006 } from './1764115300006-audit-chain-mac-key';
import { LoginAppealReview1765300000100 } from './1765300000100-login-appeal-review';

/** The audit service's own migrations, oldest first (platform tables come from @exam/platform). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const AUDIT_MIGRATIONS: Function[] = [
  AuditLogTables1764115300000,
  LoginRiskTables1764115300001,
  AlertTables1764115300002,
  AppealsIncidents1764115300003,
  AlertInstitutions1764115300004,
  LoginSourceLocks1764115300005,
  AuditChainMacKey1764115300006,
  LoginAppealReview1765300000100,
];
