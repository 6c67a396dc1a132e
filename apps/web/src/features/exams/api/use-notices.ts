import { useQueries } from '@tanstack/react-query';

import { examsApi } from './exams-api';
import { examKeys } from './query-keys';
import type { ExamNotice } from './types';

/**
 * The notices (title, times) of the exams behind a list of registrations: a registration does not carry its
 * exam's title. An exam no longer published has none; its registration is shown by number.
 */
export function useNotices(examIds: readonly string[]): Map<string, ExamNotice> {
  const unique = [...new Set(examIds)];
  const results = useQueries({
    queries: unique.map((examId) => ({
      queryKey: examKeys.notice(examId),
      queryFn: () => examsApi.notice(examId),
      retry: false,
    })),
  });
  const out = new Map<string, ExamNotice>();
  results.forEach((r) => {
    if (r.data) out.set(r.data.examId, r.data);
  });
  return out;
}
