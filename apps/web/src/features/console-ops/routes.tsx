import './console-ops.css';

import { Outlet, type RouteObject } from 'react-router';

import { ExamPickerPage } from './exams/ExamPickerPage';
import { MarkingExamPage } from './marking/MarkingExamPage';
import { MarkingQueuePage } from './marking/MarkingQueuePage';
import { RegradePage } from './marking/RegradePage';
import { InvoicesPage } from './payments/InvoicesPage';
import { OrderDetailPage } from './payments/OrderDetailPage';
import { PaymentReportPage } from './payments/PaymentReportPage';
import { PaymentsPage } from './payments/PaymentsPage';
import { RefundApprovalsPage } from './payments/RefundApprovalsPage';
import { StatementMismatchesPage } from './payments/statements/StatementMismatchesPage';
import { ProctoringBoardPage } from './proctoring/ProctoringBoardPage';
import { ResultsExamPage } from './results/ResultsExamPage';
import { OpsTheme } from './shared/OpsTheme';

const pages: RouteObject[] = [
  { path: 'proctoring', element: <ExamPickerPage section="proctoring" /> },
  { path: 'proctoring/:examId', element: <ProctoringBoardPage /> },
  { path: 'marking', element: <ExamPickerPage section="marking" /> },
  { path: 'marking/:examId', element: <MarkingExamPage /> },
  { path: 'marking/:examId/questions/:questionId', element: <MarkingQueuePage /> },
  { path: 'marking/:examId/regrade', element: <RegradePage /> },
  { path: 'results', element: <ExamPickerPage section="results" /> },
  { path: 'results/:examId', element: <ResultsExamPage /> },
  { path: 'payments', element: <PaymentsPage /> },
  { path: 'payments/orders/:orderId', element: <OrderDetailPage /> },
  { path: 'payments/statements', element: <StatementMismatchesPage /> },
  { path: 'payments/approvals', element: <RefundApprovalsPage /> },
  { path: 'payments/report', element: <PaymentReportPage /> },
  { path: 'invoices', element: <InvoicesPage /> },
];

/**
 * Operations pages of the institution console, mounted under /console/:institutionId by
 * features/console/routes.tsx: proctoring board, marking, results and statistics, payments. One pathless
 * layout route gives them the operations theme (OpsTheme).
 */
export const consoleOpsRoutes: RouteObject[] = [
  {
    element: (
      <OpsTheme>
        <Outlet />
      </OpsTheme>
    ),
    children: pages,
  },
];
