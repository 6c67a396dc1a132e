import { useQuery } from '@tanstack/react-query';

import { api } from '../../../api/http';
import { accountsPath, facePolicyPath } from '../shared/api-paths';

/** The institution as accounts returns it (contact and invoice recipient masked by the server). */
export interface Institution {
  institutionId: string;
  name: string;
  contactPhone: string | null;
  contactEmail: string | null;
  organisationCode: string | null;
  invoiceBank: string | null;
  invoiceRecipient: string | null;
  invoiceAddress: string | null;
  invoicePostcode: string | null;
  createdAt: string;
}

export interface FaceImagePolicy {
  institutionId: string;
  keepRawImage: boolean;
  retentionDays: number | null;
  updatedAt: string | null;
}

export type OrgRole = 'org_admin' | 'org_staff';
export const ORG_ROLES: readonly OrgRole[] = ['org_admin', 'org_staff'];

export interface Member {
  userId: string;
  nickname: string;
  roles: OrgRole[];
}

export interface Invitation {
  invitationId: string;
  role: OrgRole;
  phone?: string;
  email?: string;
  expiresAt: string;
}

export const institutionKeys = {
  profile: (id: string) => ['console', id, 'institution'] as const,
  facePolicy: (id: string) => ['console', id, 'face-policy'] as const,
  members: (id: string) => ['console', id, 'members'] as const,
};

export function useInstitution(institutionId: string) {
  return useQuery({
    queryKey: institutionKeys.profile(institutionId),
    queryFn: () => api<Institution>(accountsPath(institutionId)),
  });
}

export function useFacePolicy(institutionId: string) {
  return useQuery({
    queryKey: institutionKeys.facePolicy(institutionId),
    queryFn: () => api<FaceImagePolicy>(facePolicyPath(institutionId)),
  });
}

export function useMembers(institutionId: string) {
  return useQuery({
    queryKey: institutionKeys.members(institutionId),
    queryFn: () => api<{ members: Member[] }>(accountsPath(institutionId, '/members')).then((r) => r.members),
  });
}
