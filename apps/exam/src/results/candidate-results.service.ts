import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { AnswerKeyResolver } from '../attempt/answer-key-resolver';
import type { AttemptEntity } from '../attempt/attempt.entity';
import { AttemptRepository } from '../attempt/attempt.repository';
import type { AttemptAnswerEntity } from '../attempt/attempt-answer.entity';
import type { KeyedQuestion } from '../attempt/domain/answer-grading';
import { isLive } from '../attempt/domain/attempt-state';
import type { ExamEntity } from '../exam/exam.entity';
import { ExamRepository } from '../exam/exam.repository';
import { countedAttempt } from './domain/counted-attempt';
import { releaseStateOf } from './domain/release-state';
import {
  examReleaseVerdict,
  type ReleaseVerdict,
  type ReviewRule,
  reviewVisible,
} from './domain/result-visibility';
import {
  AttemptAwaitingMarkingError,
  AttemptStillOpenError,
  AttemptTerminatedError,
  ResultNotFoundError,
  ResultsAwaitingStaffReleaseError,
  ResultsNotReleasedYetError,
  ReviewNotAllowedError,
} from './result.errors';
import { ResultReleaseRepository } from './result-release.repository';

export interface CandidateResults {
  readonly exam: ExamEntity;
  readonly attempts: readonly AttemptEntity[];
  readonly countedAttemptId: string | null;
  readonly reviewRule: ReviewRule;
  readonly verdict: ReleaseVerdict;
}

export interface AttemptReview {
  readonly exam: ExamEntity;
  readonly attempt: AttemptEntity;
  /** The attempt's grading key with each question's content (correct answers, explanations). */
  readonly answerKey: readonly KeyedQuestion[];
  readonly answers: readonly AttemptAnswerEntity[];
}

export function reviewRuleOf(exam: ExamEntity): ReviewRule {
  return {
    practice: exam.practice,
    immediateFeedback: exam.settings.immediateFeedback,
    reviewAllowed: exam.settings.reviewAllowed === true,
  };
}

/**
 * A candidate's own results: scores and pass/fail once the exam's policy releases them (never before), and
 * the review of an attempt where the exam allows it. Another candidate's attempt answers as missing.
 */
@Injectable()
export class CandidateResultsService {
  constructor(
    private readonly exams: ExamRepository,
    private readonly attempts: AttemptRepository,
    private readonly keys: AnswerKeyResolver,
    private readonly releases: ResultReleaseRepository,
    private readonly clock: Clock,
  ) {}

  private async verdictOf(exam: ExamEntity): Promise<ReleaseVerdict> {
    const release = await this.releases.find(exam.id);
    return examReleaseVerdict(releaseStateOf(exam.settings, release?.releasedAt ?? null), this.clock.now());
  }

  async results(userId: string, examId: string): Promise<CandidateResults> {
    const exam = await this.exams.findById(examId);
    if (exam === null) throw new ResultNotFoundError();
    const attempts = await this.attempts.ofUserAtExam(examId, userId);
    if (attempts.length === 0) throw new ResultNotFoundError();
    const verdict = await this.verdictOf(exam);
    const rule = reviewRuleOf(exam);
    // Practice feedback comes at once; everything else waits for the exam's release.
    if (!(rule.practice && rule.immediateFeedback)) throwUnlessReleased(verdict);
    const counted = countedAttempt(
      attempts.filter((a) => a.status === 'graded'),
      exam.settings.countedAttempt,
    );
    return { exam, attempts, countedAttemptId: counted?.id ?? null, reviewRule: rule, verdict };
  }

  async review(userId: string, attemptId: string): Promise<AttemptReview> {
    const attempt = await this.attempts.findOfUser(attemptId, userId);
    if (attempt === null) throw new ResultNotFoundError();
    const exam = await this.exams.findById(attempt.examId);
    if (exam === null) throw new ResultNotFoundError();
    const rule = reviewRuleOf(exam);
    const verdict = await this.verdictOf(exam);
    if (!reviewVisible(attempt.status, rule, verdict)) {
      if (isLive(attempt.status)) throw new AttemptStillOpenError();
      if (!rule.reviewAllowed && !(rule.practice && rule.immediateFeedback))
        throw new ReviewNotAllowedError();
      throwUnlessReleased(verdict);
      if (attempt.status === 'terminated') throw new AttemptTerminatedError();
      throw new AttemptAwaitingMarkingError();
    }
    return {
      exam,
      attempt,
      answerKey: await this.keys.keyOf(attempt),
      answers: await this.attempts.answersOf(attempt.id),
    };
  }
}

function throwUnlessReleased(verdict: ReleaseVerdict): void {
  if (verdict.released) return;
  if (verdict.reason === 'release_date') throw new ResultsNotReleasedYetError(verdict.availableAt);
  throw new ResultsAwaitingStaffReleaseError();
}
