import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { AnswerKeyResolver } from '../attempt/answer-key-resolver';
import type { AnswerValue } from '../attempt/domain/answer';
import { ExamEnv } from '../config/exam.env';
import type { ExamEntity } from '../exam/exam.entity';
import { ExamNotFoundError } from '../exam/exam.errors';
import { ExamRepository } from '../exam/exam.repository';
import { AttemptScoreRepository } from './attempt-score.repository';
import { AttemptScoringService } from './attempt-scoring.service';
import {
  type KeyChangeRequest,
  type KeyOverride,
  nextOverride,
  pinnedContentOf,
  regradedScores,
} from './domain/key-change';
import { KeyChangeEntity } from './key-change.entity';
import { KeyChangeRepository } from './key-change.repository';
import { ExamNotPublishedError, KeyChangeInvalidError, QuestionNotInExamError } from './marking.errors';

export interface RegradeProgress {
  /** Closed attempts looked at in this request. */
  readonly processed: number;
  /** Of those, attempts with at least one score changed. */
  readonly changed: number;
  /** Pass as `after` to continue; null when every closed attempt of the exam was looked at. */
  readonly nextAfter: string | null;
}

/**
 * Key changes after an exam and the regrading they cause: every closed attempt is re-scored from its saved
 * answers with its frozen paper's rules, in bounded batches (one transaction each, attempt rows locked), and
 * each changed score goes to the history. Re-scoring computes from the frozen key and the changed one, never
 * from the previous score, so repeating a change or a batch changes nothing.
 */
@Injectable()
export class RegradeService {
  constructor(
    private readonly exams: ExamRepository,
    private readonly keyChanges: KeyChangeRepository,
    private readonly attempts: AttemptScoreRepository,
    private readonly scoring: AttemptScoringService,
    private readonly keys: AnswerKeyResolver,
    private readonly env: ExamEnv,
    private readonly clock: Clock,
  ) {}

  private async exam(institutionId: string, examId: string): Promise<ExamEntity> {
    const exam = await this.exams.findOfInstitution(institutionId, examId);
    if (exam === null) throw new ExamNotFoundError();
    return exam;
  }

  /** Records the change of one question's key and regrades the first batch of attempts. */
  async changeKey(
    institutionId: string,
    examId: string,
    actorId: string,
    questionId: string,
    request: KeyChangeRequest,
    reason: string,
  ): Promise<{ change: KeyChangeEntity; progress: RegradeProgress }> {
    const exam = await this.exam(institutionId, examId);
    if (exam.paperSnapshot === null) throw new ExamNotPublishedError();
    const content = pinnedContentOf(exam.paperSnapshot, questionId);
    if (content === null) throw new QuestionNotInExamError();
    const change = await this.exams.transaction(async (tx) => {
      const current = await this.keyChanges.lockOne(tx, examId, questionId);
      const result = nextOverride(content, current?.override ?? null, request);
      if (result.override === null) throw new KeyChangeInvalidError(result.errors);
      const next = Object.assign(new KeyChangeEntity(), {
        examId,
        questionId,
        institutionId,
        override: result.override,
        reason,
        changedBy: actorId,
        changedAt: this.clock.now(),
      });
      await this.keyChanges.save(tx, next);
      return next;
    });
    return { change, progress: await this.regradeBatch(institutionId, examId, null) };
  }

  /** Regrades the next batch of closed attempts after `after` (by id) with every key change of the exam. */
  async regrade(institutionId: string, examId: string, after: string | null): Promise<RegradeProgress> {
    await this.exam(institutionId, examId);
    return this.regradeBatch(institutionId, examId, after);
  }

  private async regradeBatch(
    institutionId: string,
    examId: string,
    after: string | null,
  ): Promise<RegradeProgress> {
    const changes = await this.keyChanges.ofExam(examId);
    const ids = await this.attempts.closedOfExam(examId, after, this.env.EXAM_MARKING_BATCH_SIZE);
    if (changes.length === 0 || ids.length === 0)
      return { processed: ids.length, changed: 0, nextAfter: null };
    const overrides = new Map<string, KeyOverride>(changes.map((c) => [c.questionId, c.override]));
    const byQuestion = new Map(changes.map((c) => [c.questionId, c]));
    const changed = await this.exams.transaction(async (tx) => {
      const now = this.clock.now();
      let count = 0;
      for (const id of ids) {
        const attempt = await this.attempts.lock(tx, id);
        if (attempt === null || attempt.institutionId !== institutionId) continue;
        if (attempt.status !== 'submitted' && attempt.status !== 'graded') continue;
        const saved = await this.attempts.answersOf(tx, id);
        const answers = new Map<string, AnswerValue>(saved.map((a) => [a.questionId, a.answer]));
        const scores = regradedScores(await this.keys.keyOf(attempt), answers, overrides);
        const applied = await this.scoring.apply(
          tx,
          attempt,
          scores.map(({ questionId, score }) => ({
            questionId,
            score,
            reason: 'regraded',
            actorId: byQuestion.get(questionId)?.changedBy ?? null,
            note: byQuestion.get(questionId)?.reason ?? '',
            objective: true,
          })),
          'regrade',
          now,
        );
        if (applied > 0) count++;
      }
      return count;
    });
    const full = ids.length === this.env.EXAM_MARKING_BATCH_SIZE;
    return { processed: ids.length, changed, nextAfter: full ? (ids[ids.length - 1] ?? null) : null };
  }
}
