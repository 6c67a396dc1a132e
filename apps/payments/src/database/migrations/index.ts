import { CreatePayments1765400000000 } from './1765400000000-create-payments';
import { AddReconciliation1765500000000 } from './1765500000000-add-reconciliation';
import { CreateStatements1765510000000 } from './1765510000000-create-statements';
import { RefundApprovalAndReports1765520000000 } from './1765520000000-refund-approval-and-reports';
import { InvoicesRegistrations1765530000000 } from './1765530000000-invoices-registrations';

/** The payments service's own migrations, oldest first (platform tables come from @exam/platform). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const PAYMENTS_MIGRATIONS: Function[] = [
  CreatePayments1765400000000,
  AddReconciliation1765500000000,
  CreateStatements1765510000000,
  RefundApprovalAndReports1765520000000,
  InvoicesRegistrations1765530000000,
];
