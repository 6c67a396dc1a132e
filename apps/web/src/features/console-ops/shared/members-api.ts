import { useQuery } from '@tanstack/react-query';

import { api } from '../../../api/http';

/** A staff member of the institution as accounts lists them (a nickname, never a real name). */
export interface StaffMember {
  userId: string;
  nickname: string;
}

/** The institution's staff, to say who changed a score (org_admin and org_staff may read the list). */
export function useStaffMembers(institutionId: string) {
  return useQuery({
    queryKey: ['consoleOps', 'members', institutionId],
    queryFn: () =>
      api<{ members: StaffMember[] }>(`/accounts/institutions/${institutionId}/members`).then(
        (r) => r.members,
      ),
    staleTime: 60_000,
  });
}
