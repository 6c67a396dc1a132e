import { Injectable } from '@nestjs/common';

import type { AttemptEntity } from '../attempt/attempt.entity';
import { AttemptRepository } from '../attempt/attempt.repository';
import { VerifiedCandidateService } from '../candidate/verified-candidate.service';
import type { ExamEntity } from '../exam/exam.entity';
import { ExamNotFoundError } from '../exam/exam.errors';
import { ExamRepository } from '../exam/exam.repository';
import { countedAttempt } from '../results/domain/counted-attempt';
import { CandidatePseudonyms } from './candidate-pseudonyms';
import { type CohortAttempt, type ExamStatistics, examStatistics } from './domain/exam-statistics';
import { type PaperQuestion, paperQuestions } from './domain/paper-questions';

/** A counted attempt as the export lists it: pseudonymised, with the masked name the projection holds. */
export interface CohortRow extends CohortAttempt {
  readonly maskedName: string | null;
  readonly attemptNo: number;
  readonly submittedAt: Date | null;
}

export interface ExamStatisticsReport {
  readonly exam: ExamEntity;
  readonly statistics: ExamStatistics;
  readonly questions: readonly PaperQuestion[];
  readonly cohort: readonly CohortRow[];
}

/** Staff statistics of an exam over the counted, graded attempt of each candidate. */
@Injectable()
export class ExamStatisticsService {
  constructor(
    private readonly exams: ExamRepository,
    private readonly attempts: AttemptRepository,
    private readonly candidates: VerifiedCandidateService,
    private readonly pseudonyms: CandidatePseudonyms,
  ) {}

  async report(institutionId: string, examId: string): Promise<ExamStatisticsReport> {
    const exam = await this.exams.findOfInstitution(institutionId, examId);
    if (exam === null) throw new ExamNotFoundError();
    const graded = await this.attempts.gradedOfExam(examId);
    const byUser = new Map<string, AttemptEntity[]>();
    for (const a of graded) byUser.set(a.userId, [...(byUser.get(a.userId) ?? []), a]);
    const counted = [...byUser.values()]
      .map((list) => countedAttempt(list, exam.settings.countedAttempt))
      .filter((a): a is AttemptEntity => a !== null);
    const names = await this.candidates.maskedNames(counted.map((a) => a.userId));
    const cohort: CohortRow[] = counted
      .map((a) => ({
        candidate: this.pseudonyms.of(examId, a.userId),
        maskedName: names.get(a.userId) ?? null,
        attemptNo: a.attemptNo,
        score: a.score ?? 0,
        submittedAt: a.submittedAt,
        timeUsedSeconds:
          a.submittedAt === null
            ? 0
            : Math.max(0, Math.round((a.submittedAt.getTime() - a.startedAt.getTime()) / 1000)),
        questionScores: a.questionScores ?? {},
      }))
      .sort((x, y) => x.candidate.localeCompare(y.candidate));
    const questions = paperQuestions(exam.paperSnapshot);
    const maxScore = Math.max(0, ...graded.map((a) => a.maxScore));
    return {
      exam,
      questions,
      cohort,
      statistics: examStatistics(cohort, questions, maxScore, exam.settings.passScore),
    };
  }
}
