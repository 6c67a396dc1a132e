import { useQuery } from '@tanstack/react-query';

import { privacyApi, privacyKeys } from './privacy-api';

export function useCurrentPolicy() {
  return useQuery({ queryKey: privacyKeys.policyCurrent, queryFn: privacyApi.currentPolicy, retry: false });
}

export function usePolicyVersions() {
  return useQuery({ queryKey: privacyKeys.policyVersions, queryFn: privacyApi.policyVersions });
}

/** One version with its text; `current` means the one in force. */
export function usePolicyText(version: string) {
  return useQuery({
    queryKey: version === 'current' ? privacyKeys.policyCurrent : privacyKeys.policyVersion(version),
    queryFn: () => (version === 'current' ? privacyApi.currentPolicy() : privacyApi.policyVersion(version)),
    retry: false,
  });
}
