import type { FeatureRoutes } from '../../app/feature-routes';
import { HomePage } from './HomePage';

export const homeRoutes: FeatureRoutes = { public: [{ index: true, element: <HomePage /> }] };
