import { useQuery } from '@tanstack/react-query';

import { api } from '../../api/http';

export interface PolicyVersion {
  version: string;
  effectiveAt: string;
  materialChange: boolean;
  text?: string;
}

/** The privacy policy in force (none published yet answers 404: sign-up then needs no acceptance). */
export function usePolicyVersion() {
  return useQuery({
    queryKey: ['privacy-policy', 'current'],
    queryFn: () => api<PolicyVersion>('/accounts/privacy-policy', { anonymous: true }),
    retry: false,
  });
}
