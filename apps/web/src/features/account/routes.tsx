import type { FeatureRoutes } from '../../app/feature-routes';
import { AccountPage } from './AccountPage';
import { PasswordChangedPage } from './PasswordChangedPage';

export const accountRoutes: FeatureRoutes = {
  public: [{ path: 'account/password-changed', element: <PasswordChangedPage /> }],
  signedIn: [{ path: 'account', element: <AccountPage /> }],
};
