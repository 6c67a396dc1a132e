import type { FeatureRoutes } from '../../app/feature-routes';
import { HomePage } from './HomePage';
import { StatusPage } from './StatusPage';

export const homeRoutes: FeatureRoutes = {
  public: [
    { index: true, element: <HomePage /> },
    { path: 'status', element: <StatusPage /> },
  ],
};
