import './console-ops.css';

import { Outlet, type RouteObject } from 'react-router';

import { ExamPickerPage } from './exams/ExamPickerPage';
import { MarkingExamPage } from './marking/MarkingExamPage';
import { MarkingQueuePage } from './marking/MarkingQueuePage';
import { RegradePage } from './marking/RegradePage';
import { InvoicesPage } from './payments/InvoicesPage';
import { OrderDetailPage } from './payments/OrderDetailPage';
import { PaymentsPage } from './payments/PaymentsPage';
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
