import { Outlet, useLocation } from 'react-router';

import { useSession } from '../auth/use-session';
import { mustAcceptPolicy } from '../features/privacy/policy-gate';
import { PolicyAcceptancePage } from '../features/privacy/PolicyAcceptancePage';

/**
 * A materially changed privacy policy comes before anything else (ADR 0015): while the session carries
 * `policyAcceptanceRequired` (from the token response, or from a service's AUTH.POLICY_ACCEPTANCE_REQUIRED),
 * every page but the privacy centre and the policy texts shows the acceptance page in its place.
 */
export function PolicyGate() {
  const pending = useSession()?.policyAcceptanceRequired ?? null;
  const { pathname } = useLocation();
  if (pending && mustAcceptPolicy(pending, pathname)) return <PolicyAcceptancePage version={pending} />;
  return <Outlet />;
}
