import type { FeatureRoutes } from '../../app/feature-routes';

export const securityRoutes: FeatureRoutes = {};
