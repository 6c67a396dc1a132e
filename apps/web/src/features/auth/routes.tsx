import type { FeatureRoutes } from '../../app/feature-routes';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { SignInPage } from './SignInPage';
import { SignUpPage } from './SignUpPage';

export const authRoutes: FeatureRoutes = {
  public: [
    { path: 'sign-in', element: <SignInPage /> },
    { path: 'sign-up', element: <SignUpPage /> },
    { path: 'forgot-password', element: <ForgotPasswordPage /> },
  ],
};
