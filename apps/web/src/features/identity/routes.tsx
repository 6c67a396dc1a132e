import type { FeatureRoutes } from '../../app/feature-routes';
import { IdentityPage } from './IdentityPage';

export const identityRoutes: FeatureRoutes = {
  signedIn: [{ path: 'identity', element: <IdentityPage /> }],
};
