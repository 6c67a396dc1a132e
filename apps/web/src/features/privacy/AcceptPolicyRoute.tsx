import { Navigate, useNavigate } from 'react-router';

import { useSession } from '../../auth/use-session';
import { PolicyAcceptancePage } from './PolicyAcceptancePage';

/** The acceptance page reached from the privacy centre; with nothing pending it goes back there. */
export function AcceptPolicyRoute() {
  const navigate = useNavigate();
  const pending = useSession()?.policyAcceptanceRequired ?? null;
  if (!pending) return <Navigate to="/privacy" replace />;
  return <PolicyAcceptancePage version={pending} onAccepted={() => void navigate('/privacy')} />;
}
