import { useMutation, useQueryClient } from '@tanstack/react-query';

import { securityApi } from '../api/security-api';
import type { Resolution } from '../api/types';

/** The review workflow's steps; each refreshes the queue and the alert it changed. */
export function useAlertMutations() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['security'] });
  return {
    acknowledge: useMutation({ mutationFn: securityApi.acknowledge, onSuccess: refresh }),
    assign: useMutation({
      mutationFn: ({ id, assigneeId }: { id: string; assigneeId: string }) =>
        securityApi.assign(id, assigneeId),
      onSuccess: refresh,
    }),
    investigate: useMutation({ mutationFn: securityApi.investigate, onSuccess: refresh }),
    comment: useMutation({
      mutationFn: ({ id, body }: { id: string; body: string }) => securityApi.comment(id, body),
      onSuccess: refresh,
    }),
    resolve: useMutation({
      mutationFn: ({ id, resolution, note }: { id: string; resolution: Resolution; note: string }) =>
        securityApi.resolve(id, resolution, note),
      onSuccess: refresh,
    }),
  };
}
