import type { RouteObject } from 'react-router';

import { RequireAuth } from '../auth/RequireAuth';
import { accountRoutes } from '../features/account/routes';
import { authRoutes } from '../features/auth/routes';
import { consoleRoutes } from '../features/console/routes';
import { examRoomRoutes } from '../features/exam-room/routes';
import { examsRoutes } from '../features/exams/routes';
import { homeRoutes } from '../features/home/routes';
import { identityRoutes } from '../features/identity/routes';
import { privacyRoutes } from '../features/privacy/routes';
import { securityRoutes } from '../features/security/routes';
import { NotFoundPage } from '../ui/NotFoundPage';
import { AppLayout } from './AppLayout';
import type { FeatureRoutes } from './feature-routes';
import { PolicyGate } from './PolicyGate';
import { RouteError } from './RouteError';

const FEATURES: FeatureRoutes[] = [
  homeRoutes,
  authRoutes,
  accountRoutes,
  identityRoutes,
  examsRoutes,
  examRoomRoutes,
  privacyRoutes,
  securityRoutes,
  consoleRoutes,
];

export function appRoutes(): RouteObject[] {
  const publicRoutes = FEATURES.flatMap((f) => f.public ?? []);
  const signedIn = FEATURES.flatMap((f) => f.signedIn ?? []);
  const bare = FEATURES.flatMap((f) => f.bare ?? []);
  return [
    {
      errorElement: <RouteError />,
      children: [
        {
          element: <AppLayout />,
          children: [
            {
              element: <PolicyGate />,
              children: [
                ...publicRoutes,
                { element: <RequireAuth />, children: signedIn },
                { path: '*', element: <NotFoundPage /> },
              ],
            },
          ],
        },
        { element: <RequireAuth />, children: [{ element: <PolicyGate />, children: bare }] },
      ],
    },
  ];
}
