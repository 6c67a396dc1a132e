import type { FeatureRoutes } from '../../app/feature-routes';
import { AcceptPolicyRoute } from './AcceptPolicyRoute';
import { AccountCancelledPage } from './AccountCancelledPage';
import { PolicyPage } from './PolicyPage';
import { PolicyVersionPage } from './PolicyVersionPage';
import { PrivacyCentrePage } from './PrivacyCentrePage';

export const privacyRoutes: FeatureRoutes = {
  public: [
    { path: 'privacy/policy', element: <PolicyPage /> },
    { path: 'privacy/policy/versions/:version', element: <PolicyVersionPage /> },
    { path: 'privacy/cancelled', element: <AccountCancelledPage /> },
  ],
  signedIn: [
    { path: 'privacy', element: <PrivacyCentrePage /> },
    { path: 'privacy/accept-policy', element: <AcceptPolicyRoute /> },
  ],
};
