/**
 * Every feature keeps its texts beside its pages (`features/<name>/i18n.ts`, one namespace each) and is
 * listed here once. `common` holds the shell, shared words and the error catalogue.
 */
import { accountI18n } from '../features/account/i18n';
import { authI18n } from '../features/auth/i18n';
import { consoleI18n } from '../features/console/i18n';
import { consoleOpsI18n } from '../features/console-ops/i18n';
import { consoleOpsPaymentsI18n } from '../features/console-ops/payments/payments-admin.i18n';
import { consoleStatementsI18n } from '../features/console-ops/payments/statements/i18n';
import { examRoomI18n } from '../features/exam-room/i18n';
import { examsI18n } from '../features/exams/i18n';
import { homeI18n } from '../features/home/i18n';
import { identityI18n } from '../features/identity/i18n';
import { invoicesI18n } from '../features/invoices/i18n';
import { privacyI18n } from '../features/privacy/i18n';
import { securityI18n } from '../features/security/i18n';
import { commonI18n } from './common';

export interface Bundle {
  'zh-CN': Record<string, unknown>;
  en: Record<string, unknown>;
}

export const NAMESPACES: Record<string, Bundle> = {
  common: commonI18n,
  auth: authI18n,
  home: homeI18n,
  account: accountI18n,
  identity: identityI18n,
  exams: examsI18n,
  examRoom: examRoomI18n,
  privacy: privacyI18n,
  security: securityI18n,
  console: consoleI18n,
  consoleOps: consoleOpsI18n,
  consoleStatements: consoleStatementsI18n,
  consoleOpsPayments: consoleOpsPaymentsI18n,
  invoices: invoicesI18n,
};
