import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';

/** An answer this marker marked on this visit: what they gave and where the answer stands now. */
export interface SessionMark {
  scriptId: string;
  questionId: string;
  mark: number;
  status: string;
  finalMark: number | null;
  /** The answer's range and step, for changing its final mark. */
  maxMark: number;
  step: number;
}

/**
 * The answers marked on this visit to a question's queue, kept in memory only (the query cache, never browser
 * storage) so that leaving the page and coming back keeps them: the one place an org_admin finds an answer's
 * opaque script again to change its final mark. Newest first; a script is listed once.
 */
export function useSessionMarks(institutionId: string, examId: string, questionId: string) {
  const queryClient = useQueryClient();
  const key = useMemo(
    () => ['consoleOps', 'session-marks', institutionId, examId, questionId],
    [institutionId, examId, questionId],
  );
  const marks = useQuery({
    queryKey: key,
    queryFn: () => [] as SessionMark[],
    staleTime: Infinity,
    gcTime: Infinity,
  });
  const record = useCallback(
    (mark: SessionMark) => {
      queryClient.setQueryData<SessionMark[]>(key, (old = []) => [
        mark,
        ...old.filter((m) => m.scriptId !== mark.scriptId),
      ]);
    },
    [queryClient, key],
  );
  return { marks: marks.data ?? [], record };
}
