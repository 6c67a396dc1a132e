import type { RouteObject } from 'react-router';

import type { FeatureRoutes } from '../../app/feature-routes';
import { consoleOpsRoutes } from '../console-ops/routes';
import { ConsoleHome } from './ConsoleHome';
import { ConsoleLayout } from './ConsoleLayout';

/** Authoring pages (features/console): profile, members, banks, papers, exams, registrations. */
const authoring: RouteObject[] = [];

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
