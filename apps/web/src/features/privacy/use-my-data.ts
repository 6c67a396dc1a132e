import { useQuery } from '@tanstack/react-query';

import { privacyApi, privacyKeys } from './privacy-api';

/** What the accounts service holds about me, masked (shared by the data, contacts and cancellation views). */
export function useMyData() {
  return useQuery({ queryKey: privacyKeys.dataExport, queryFn: privacyApi.dataExport });
}
