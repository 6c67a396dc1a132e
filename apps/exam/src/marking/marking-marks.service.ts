import { randomUUID } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { ExamEntity } from '../exam/exam.entity';
import { ExamNotFoundError } from '../exam/exam.errors';
import { ExamRepository } from '../exam/exam.repository';
import { markingOf } from '../exam/exam-settings';
import { AttemptScoreRepository } from './attempt-score.repository';
import { AttemptScoringService, type ScoreChange } from './attempt-scoring.service';
import { markErrors, type MarkingItemStatus, outcomeOf } from './domain/mark-rules';
import {
  AlreadyMarkedError,
  ClaimedByOtherError,
  MarkedAttemptNotFoundError,
  MarkingCompleteError,
  MarkingNotCompleteError,
  MarkInvalidError,
  ScriptNotFoundError,
} from './marking.errors';
import { MarkingRepository } from './marking.repository';
import type { MarkingItemEntity } from './marking-item.entity';
import { MarkingMarkEntity } from './marking-mark.entity';

export interface MarkTarget {
  readonly institutionId: string;
  readonly examId: string;
  readonly questionId: string;
  readonly scriptId: string;
  readonly actorId: string;
}

export interface MarkResult {
  readonly scriptId: string;
  readonly questionId: string;
  readonly status: MarkingItemStatus;
  readonly marksGiven: number;
  readonly finalMark: number | null;
}

/**
 * Marks and remarks. The item row is locked first, then (once its final mark is known) the attempt row, so
 * the last two questions of an attempt marked at once serialize on the attempt: neither score is lost and
 * the attempt is graded once.
 */
@Injectable()
export class MarkingMarksService {
  constructor(
    private readonly exams: ExamRepository,
    private readonly marking: MarkingRepository,
    private readonly attempts: AttemptScoreRepository,
    private readonly scoring: AttemptScoringService,
    private readonly clock: Clock,
  ) {}

  private async exam(institutionId: string, examId: string): Promise<ExamEntity> {
    const exam = await this.exams.findOfInstitution(institutionId, examId);
    if (exam === null) throw new ExamNotFoundError();
    return exam;
  }

  private async lockItem(tx: EntityManager, target: MarkTarget): Promise<MarkingItemEntity> {
    const item = await this.marking.lockItem(tx, target.examId, target.questionId, target.scriptId);
    if (item === null || item.institutionId !== target.institutionId) throw new ScriptNotFoundError();
    return item;
  }

  async mark(target: MarkTarget, mark: number, comment: string): Promise<MarkResult> {
    const settings = markingOf((await this.exam(target.institutionId, target.examId)).settings);
    return this.marking.transaction(async (tx) => {
      const item = await this.lockItem(tx, target);
      const now = this.clock.now();
      if (item.status === 'done') throw new MarkingCompleteError();
      const marks = await this.marking.marksOf(tx, item.id);
      if (marks.some((m) => m.markerId === target.actorId)) throw new AlreadyMarkedError();
      if (
        item.claimedBy !== null &&
        item.claimedBy !== target.actorId &&
        item.claimExpiresAt !== null &&
        item.claimExpiresAt > now
      )
        throw new ClaimedByOtherError(item.claimExpiresAt);
      const errors = markErrors(mark, item.maxMark, settings.step);
      if (errors.length > 0) throw new MarkInvalidError(errors);
      await this.marking.insertMark(
        tx,
        Object.assign(new MarkingMarkEntity(), {
          id: randomUUID(),
          itemId: item.id,
          markerId: target.actorId,
          round: marks.length + 1,
          mark,
          comment,
          createdAt: now,
        }),
      );
      const given = [...marks.map((m) => m.mark), mark];
      const outcome = outcomeOf(settings, item.maxMark, given);
      await this.marking.settle(tx, item, outcome.status, outcome.finalMark, now);
      if (outcome.finalMark !== null)
        await this.score(tx, item, {
          questionId: item.questionId,
          score: item.autoPoints + outcome.finalMark,
          reason: outcome.resolution === 'reconciled' ? 'reconciled' : 'marked',
          actorId: target.actorId,
          note: `${outcome.resolution ?? 'single'}: marks ${given.join(', ')}`,
          objective: false,
        });
      return {
        scriptId: item.scriptId,
        questionId: item.questionId,
        status: outcome.status,
        marksGiven: given.length,
        finalMark: outcome.finalMark,
      };
    });
  }

  /** An org_admin changes a final mark, with a reason kept in the score history. */
  async remark(target: MarkTarget, mark: number, reason: string): Promise<MarkResult> {
    const settings = markingOf((await this.exam(target.institutionId, target.examId)).settings);
    return this.marking.transaction(async (tx) => {
      const item = await this.lockItem(tx, target);
      if (item.status !== 'done') throw new MarkingNotCompleteError();
      const errors = markErrors(mark, item.maxMark, settings.step);
      if (errors.length > 0) throw new MarkInvalidError(errors);
      await this.marking.settle(tx, item, 'done', mark, this.clock.now());
      await this.score(tx, item, {
        questionId: item.questionId,
        score: item.autoPoints + mark,
        reason: 'remarked',
        actorId: target.actorId,
        note: reason,
        objective: false,
      });
      const marks = await this.marking.marksOf(tx, item.id);
      return {
        scriptId: item.scriptId,
        questionId: item.questionId,
        status: 'done',
        marksGiven: marks.length,
        finalMark: mark,
      };
    });
  }

  private async score(tx: EntityManager, item: MarkingItemEntity, change: ScoreChange): Promise<void> {
    const attempt = await this.attempts.lock(tx, item.attemptId);
    if (attempt === null) throw new MarkedAttemptNotFoundError();
    await this.scoring.apply(
      tx,
      attempt,
      [change],
      change.reason === 'remarked' ? 'remark' : 'marking',
      this.clock.now(),
    );
  }
}
