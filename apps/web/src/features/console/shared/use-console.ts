import { useParams } from 'react-router';

import { useSession } from '../../../auth/use-session';

/** The institution of the console page (the frame has already refused non-staff), and whether the person administers it. */
export function useConsole(): { institutionId: string; isAdmin: boolean } {
  const { institutionId = '' } = useParams();
  const session = useSession();
  const membership = session?.memberships.find((m) => m.institutionId === institutionId);
  return { institutionId, isAdmin: membership?.roles.includes('org_admin') ?? false };
}
