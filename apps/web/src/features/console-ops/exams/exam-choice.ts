import type { ConsoleExam } from './exams-api';

/**
 * The exams worth operating on (drafts have no candidates), newest first, narrowed to those whose title
 * contains `query` (case-insensitive, surrounding spaces ignored). Pure.
 */
export function examsToPick(exams: readonly ConsoleExam[], query: string): ConsoleExam[] {
  const wanted = query.trim().toLocaleLowerCase();
  return exams
    .filter((e) => e.status !== 'draft')
    .filter((e) => wanted === '' || e.title.toLocaleLowerCase().includes(wanted))
    .sort((a, b) => b.opensAt.localeCompare(a.opensAt) || a.title.localeCompare(b.title));
}
