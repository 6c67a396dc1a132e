import { useQuery } from '@tanstack/react-query';

import { api } from '../../../api/http';
import { getExam } from './exams-api';
import { type PaperPreview, type PaperQuestion, paperQuestionsOf } from './paper-questions';

/**
 * The exam and the questions of its paper (from the paper's preview: the staff API offers no view of the
 * exam's frozen paper, so a paper edited after publishing shows its newer text), for naming questions.
 */
export function useExamPaper(institutionId: string, examId: string) {
  const exam = useQuery({
    queryKey: ['consoleOps', 'exam', institutionId, examId],
    queryFn: () => getExam(institutionId, examId),
  });
  const paperId = exam.data?.paperId;
  const paper = useQuery({
    queryKey: ['consoleOps', 'paper', institutionId, paperId],
    queryFn: async (): Promise<PaperQuestion[]> =>
      paperQuestionsOf(
        await api<PaperPreview>(`/exam/institutions/${institutionId}/papers/${paperId ?? ''}/preview`),
      ),
    enabled: paperId !== undefined,
    staleTime: 5 * 60_000,
  });
  return { exam, questions: paper.data ?? [], paperError: paper.error };
}
