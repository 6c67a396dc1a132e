import type { RouteObject } from 'react-router';

import type { FeatureRoutes } from '../../app/feature-routes';
import { consoleOpsRoutes } from '../console-ops/routes';
import { BankPage } from './banks/BankPage';
import { BanksPage } from './banks/BanksPage';
import { QuestionEditorPage } from './banks/QuestionEditorPage';
import { ConsoleHome } from './ConsoleHome';
import { ConsoleLayout } from './ConsoleLayout';
import { ExamEditorPage } from './exams/ExamEditorPage';
import { ExamsPage } from './exams/ExamsPage';
import { MembersPage } from './institution/MembersPage';
import { ProfilePage } from './institution/ProfilePage';
import { PaperEditorPage } from './papers/PaperEditorPage';
import { PapersPage } from './papers/PapersPage';
import { RegistrationsPage } from './registrations/RegistrationsPage';

/** Authoring pages (features/console): profile, members, banks, papers, exams, registrations. */
const authoring: RouteObject[] = [
  { path: 'profile', element: <ProfilePage /> },
  { path: 'members', element: <MembersPage /> },
  { path: 'banks', element: <BanksPage /> },
  { path: 'banks/:bankId', element: <BankPage /> },
  { path: 'banks/:bankId/questions/new', element: <QuestionEditorPage /> },
  { path: 'banks/:bankId/questions/:questionId', element: <QuestionEditorPage /> },
  { path: 'papers', element: <PapersPage /> },
  { path: 'papers/new', element: <PaperEditorPage /> },
  { path: 'papers/:paperId', element: <PaperEditorPage /> },
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
