import { useQuery } from '@tanstack/react-query';

import { api } from '../../../api/http';
import { examPath } from '../shared/api-paths';
import type { Accommodation, Exam, ExamBody } from './exam-types';

export const examKeys = {
  all: (institutionId: string) => ['console', institutionId, 'exams'] as const,
  one: (institutionId: string, examId: string) => ['console', institutionId, 'exams', examId] as const,
  accommodations: (institutionId: string, examId: string) =>
    ['console', institutionId, 'exams', examId, 'accommodations'] as const,
};

export function useExams(institutionId: string) {
  return useQuery({
    queryKey: examKeys.all(institutionId),
    queryFn: () => api<{ items: Exam[] }>(examPath(institutionId, '/exams')).then((r) => r.items),
  });
}

export function useExam(institutionId: string, examId: string | undefined) {
  return useQuery({
    queryKey: examKeys.one(institutionId, examId ?? ''),
    queryFn: () => api<Exam>(examPath(institutionId, `/exams/${examId ?? ''}`)),
    enabled: examId !== undefined,
  });
}

export function saveExam(institutionId: string, examId: string | undefined, body: ExamBody): Promise<Exam> {
  return examId === undefined
    ? api<Exam>(examPath(institutionId, '/exams'), { body })
    : api<Exam>(examPath(institutionId, `/exams/${examId}`), { method: 'PUT', body });
}

export type ExamStep = 'publish' | 'close' | 'archive';

export function stepExam(institutionId: string, examId: string, step: ExamStep): Promise<Exam> {
  return api<Exam>(examPath(institutionId, `/exams/${examId}/${step}`), { method: 'POST' });
}

export function useAccommodations(institutionId: string, examId: string) {
  return useQuery({
    queryKey: examKeys.accommodations(institutionId, examId),
    queryFn: () =>
      api<{ items: Accommodation[] }>(examPath(institutionId, `/exams/${examId}/accommodations`)).then(
        (r) => r.items,
      ),
  });
}
