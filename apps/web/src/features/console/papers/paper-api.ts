import { useQuery } from '@tanstack/react-query';

import { api } from '../../../api/http';
import { examPath } from '../shared/api-paths';
import type { CandidatePaper, Paper, PaperBody } from './paper-types';

export const paperKeys = {
  all: (institutionId: string) => ['console', institutionId, 'papers'] as const,
  one: (institutionId: string, paperId: string) => ['console', institutionId, 'papers', paperId] as const,
};

export function usePapers(institutionId: string) {
  return useQuery({
    queryKey: paperKeys.all(institutionId),
    queryFn: () => api<{ items: Paper[] }>(examPath(institutionId, '/papers')).then((r) => r.items),
  });
}

export function usePaper(institutionId: string, paperId: string | undefined) {
  return useQuery({
    queryKey: paperKeys.one(institutionId, paperId ?? ''),
    queryFn: () => api<Paper>(examPath(institutionId, `/papers/${paperId ?? ''}`)),
    enabled: paperId !== undefined,
  });
}

export function savePaper(
  institutionId: string,
  paperId: string | undefined,
  body: PaperBody,
): Promise<Paper> {
  return paperId === undefined
    ? api<Paper>(examPath(institutionId, '/papers'), { body })
    : api<Paper>(examPath(institutionId, `/papers/${paperId}`), { method: 'PUT', body });
}

export function previewPaper(institutionId: string, paperId: string): Promise<CandidatePaper> {
  return api<{ paper: CandidatePaper }>(examPath(institutionId, `/papers/${paperId}/preview`)).then(
    (r) => r.paper,
  );
}
