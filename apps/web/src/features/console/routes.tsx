import type { RouteObject } from 'react-router';

import type { FeatureRoutes } from '../../app/feature-routes';
import { consoleOpsRoutes } from '../console-ops/routes';
import { ConsoleHome } from './ConsoleHome';
import { ConsoleLayout } from './ConsoleLayout';
import { ExamEditorPage } from './exams/ExamEditorPage';
import { ExamsPage } from './exams/ExamsPage';
import { RegistrationsPage } from './registrations/RegistrationsPage';

/** Authoring pages (features/console): profile, members, banks, papers, exams, registrations. */
const authoring: RouteObject[] = [
  { path: 'exams', element: <ExamsPage /> },
  { path: 'exams/new', element: <ExamEditorPage /> },
  { path: 'exams/:examId', element: <ExamEditorPage /> },
  { path: 'exams/:examId/registrations', element: <RegistrationsPage /> },
];

export const consoleRoutes: FeatureRoutes = {
  signedIn: [
    { path: 'console', element: <ConsoleHome /> },
    {
      path: 'console/:institutionId',
      element: <ConsoleLayout />,
      children: [...authoring, ...consoleOpsRoutes],
    },
  ],
};
