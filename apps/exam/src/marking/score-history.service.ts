import { Injectable } from '@nestjs/common';

import { ExamNotFoundError } from '../exam/exam.errors';
import { ExamRepository } from '../exam/exam.repository';
import { AttemptScoreRepository } from './attempt-score.repository';
import { MarkedAttemptNotFoundError } from './marking.errors';
import type { ScoreHistoryEntity } from './score-history.entity';
import { ScoreHistoryRepository } from './score-history.repository';

/** Staff read the history of every score change of an attempt of their institution's exam. */
@Injectable()
export class ScoreHistoryService {
  constructor(
    private readonly exams: ExamRepository,
    private readonly attempts: AttemptScoreRepository,
    private readonly history: ScoreHistoryRepository,
  ) {}

  async ofAttempt(institutionId: string, examId: string, attemptId: string): Promise<ScoreHistoryEntity[]> {
    if ((await this.exams.findOfInstitution(institutionId, examId)) === null) throw new ExamNotFoundError();
    if ((await this.attempts.findOfExam(examId, attemptId)) === null) throw new MarkedAttemptNotFoundError();
    return this.history.ofAttempt(attemptId);
  }
}
