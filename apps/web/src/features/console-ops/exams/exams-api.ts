import { api } from '../../../api/http';

export type ResultsRelease = 'immediately' | 'at_date' | 'after_marking';

/** The parts of an exam (exam service's ExamResponseDto) the operations pages read. */
export interface ConsoleExam {
  examId: string;
  title: string;
  status: string;
  practice: boolean;
  opensAt: string;
  closesAt: string;
  paperId: string;
  publishedAt: string | null;
  settings: {
    durationMinutes?: number;
    passScore?: number;
    resultsRelease?: ResultsRelease;
    resultsReleaseAt?: string | null;
    marking?: { doubleMarking: boolean; reconciliation: string; toleranceFraction: number; step: number };
  };
}

const base = (institutionId: string) => `/exam/institutions/${institutionId}/exams`;

export async function listExams(institutionId: string): Promise<ConsoleExam[]> {
  return (await api<{ items: ConsoleExam[] }>(base(institutionId))).items;
}

export function getExam(institutionId: string, examId: string): Promise<ConsoleExam> {
  return api<ConsoleExam>(`${base(institutionId)}/${examId}`);
}
