import type { ExamStatisticsReport } from '../exam-statistics.service';
import type { ExamStatisticsDto } from './statistics.dto';

export function toExamStatisticsDto(report: ExamStatisticsReport): ExamStatisticsDto {
  const s = report.statistics;
  const meta = new Map(report.questions.map((q) => [q.questionId, q]));
  return {
    examId: report.exam.id,
    title: report.exam.title,
    candidates: s.candidates,
    maxScore: s.maxScore,
    passScore: s.passScore,
    smallCohort: s.smallCohort,
    score: { ...s.score },
    passed: s.passed,
    passRate: s.passRate,
    timeUsedSeconds: { ...s.timeUsedSeconds },
    distribution: s.distribution.map((b) => ({ ...b })),
    questions: s.questions.map((q) => ({
      questionId: q.questionId,
      number: meta.get(q.questionId)?.number ?? '',
      type: meta.get(q.questionId)?.type ?? '',
      label: meta.get(q.questionId)?.label ?? '',
      worth: q.worth,
      takers: q.takers,
      difficulty: q.difficulty,
      discrimination: q.discrimination,
      pointBiserial: q.pointBiserial,
      flags: [...q.flags],
    })),
  };
}
