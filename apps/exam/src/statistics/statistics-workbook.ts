import { maskName } from '@exam/crypto';
import ExcelJS from 'exceljs';

import type { ExamStatisticsDto } from './dto/statistics.dto';
import type { CohortRow } from './exam-statistics.service';

/**
 * The statistics as a workbook: `summary`, `questions` and `attempts`. Candidates appear only by their
 * per-exam pseudonym and the masked name identity published, masked once more here so that the export
 * cannot carry a clear name whatever the projection holds; no user id, ID number or contact.
 */
export async function statisticsWorkbook(
  stats: ExamStatisticsDto,
  cohort: readonly CohortRow[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet('summary');
  summary.addRow(['metric', 'value']);
  const rows: [string, string | number | null][] = [
    ['exam', stats.title],
    ['candidates', stats.candidates],
    ['maxScore', stats.maxScore],
    ['passScore', stats.passScore],
    ['passed', stats.passed],
    ['passRate', stats.passRate],
    ['meanScore', stats.score.mean],
    ['medianScore', stats.score.median],
    ['minScore', stats.score.min],
    ['maxScoreReached', stats.score.max],
    ['standardDeviation', stats.score.standardDeviation],
    ['meanTimeUsedSeconds', stats.timeUsedSeconds.mean],
    ['medianTimeUsedSeconds', stats.timeUsedSeconds.median],
    ['smallCohort', stats.smallCohort ? 'yes' : 'no'],
    ...stats.distribution.map((b): [string, number] => [`scores ${b.from}–${b.to}`, b.count]),
  ];
  for (const [metric, value] of rows) summary.addRow([metric, value ?? '']);

  const questions = workbook.addWorksheet('questions');
  questions.addRow([
    'number',
    'type',
    'question',
    'worth',
    'takers',
    'difficultyP',
    'discrimination',
    'pointBiserial',
    'flags',
  ]);
  for (const q of stats.questions)
    questions.addRow([
      q.number,
      q.type,
      q.label,
      q.worth,
      q.takers,
      q.difficulty ?? '',
      q.discrimination ?? '',
      q.pointBiserial ?? '',
      q.flags.join(', '),
    ]);

  const attempts = workbook.addWorksheet('attempts');
  attempts.addRow([
    'candidate',
    'maskedName',
    'attemptNo',
    'score',
    'passed',
    'timeUsedSeconds',
    'submittedAt',
    ...stats.questions.map((q) => `Q${q.number}`),
  ]);
  for (const c of cohort)
    attempts.addRow([
      c.candidate,
      c.maskedName === null ? '' : maskName(c.maskedName),
      c.attemptNo,
      c.score,
      c.score >= stats.passScore ? 'yes' : 'no',
      c.timeUsedSeconds,
      c.submittedAt === null ? '' : c.submittedAt.toISOString(),
      ...stats.questions.map((q) => c.questionScores[q.questionId] ?? ''),
    ]);
  for (const sheet of [summary, questions, attempts]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
