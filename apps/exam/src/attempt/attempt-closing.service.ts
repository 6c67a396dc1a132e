import { Topics } from '@exam/contracts';
import { Clock, EventPublisher, type TopicStagedEvent } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { ExamEnv } from '../config/exam.env';
import { AnswerKeyResolver } from './answer-key-resolver';
import type { AttemptEntity } from './attempt.entity';
import {
  AttemptNotFoundError,
  AttemptPausedError,
  AttemptTerminatedError,
  TooEarlyToSubmitError,
} from './attempt.errors';
import { DeviceIdRequiredError } from './attempt.errors';
import { AttemptRepository } from './attempt.repository';
import type { AttemptAnswerEntity } from './attempt-answer.entity';
import { assertHolder, type AttemptView } from './attempt-answers.service';
import { attemptGradedEvent, attemptIdsOf } from './attempt-graded.event';
import type { AnswerValue } from './domain/answer';
import { gradeAttempt } from './domain/answer-grading';
import { isLive, statusAfterClosing } from './domain/attempt-state';
import { deviceIdOf } from './domain/device';

/** Finalisation passes a run may make before it yields to the next interval. */
const MAX_BATCHES_PER_RUN = 20;

/**
 * Closing attempts: the candidate's submission, and the deadline job that finalises every attempt past its
 * save window from its latest saved answers. Both grade the objective questions and publish
 * `exam.attempt.submitted` in the same transaction, on the locked attempt row, so an attempt closes once.
 */
@Injectable()
export class AttemptClosingService {
  constructor(
    private readonly attempts: AttemptRepository,
    private readonly keys: AnswerKeyResolver,
    private readonly events: EventPublisher,
    private readonly env: ExamEnv,
    private readonly clock: Clock,
  ) {}

  /** Submits the candidate's attempt; a retry after it closed answers the closed attempt. */
  async submit(userId: string, attemptId: string, deviceHeader: string | undefined): Promise<AttemptView> {
    const deviceId = deviceIdOf(deviceHeader);
    if (deviceId === null) throw new DeviceIdRequiredError();
    return this.attempts.transaction(async (tx) => {
      const attempt = await this.attempts.lockOfUser(tx, attemptId, userId);
      if (attempt === null) throw new AttemptNotFoundError();
      const now = this.clock.now();
      if (attempt.status === 'terminated') throw new AttemptTerminatedError();
      if (isLive(attempt.status)) {
        assertHolder(attempt, deviceId);
        if (attempt.pausedAt !== null) throw new AttemptPausedError(attempt.pausedAt);
        if (now < attempt.earliestSubmitAt) throw new TooEarlyToSubmitError(attempt.earliestSubmitAt);
        const closed = await this.close(tx, attempt, now > attempt.saveUntil ? 'deadline' : 'submit', now);
        await this.events.stageAll(tx, closed.events);
        return { attempt, answers: closed.answers, now };
      }
      return { attempt, answers: await this.attempts.answersOf(attempt.id, tx), now };
    });
  }

  /** One finalisation run: bounded batches of due attempts, each batch one transaction. Returns how many closed. */
  async finaliseDue(): Promise<number> {
    let closed = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const count = await this.attempts.transaction(async (tx) => {
        const now = this.clock.now();
        const due = await this.attempts.claimDue(tx, now, this.env.EXAM_FINALISE_BATCH_SIZE);
        const events: TopicStagedEvent[] = [];
        for (const attempt of due) events.push(...(await this.close(tx, attempt, 'deadline', now)).events);
        // The batch's announcements in one insert, in the order the attempts closed.
        await this.events.stageAll(tx, events);
        return due.length;
      });
      closed += count;
      if (count < this.env.EXAM_FINALISE_BATCH_SIZE) break;
    }
    return closed;
  }

  /**
   * Grades and closes one locked attempt; returns the answers it read and the events to stage with it (the
   * caller stages them, so a batch of closes writes its outbox rows in one statement).
   */
  private async close(
    tx: EntityManager,
    attempt: AttemptEntity,
    how: 'submit' | 'deadline',
    now: Date,
  ): Promise<{ answers: AttemptAnswerEntity[]; events: TopicStagedEvent[] }> {
    const saved = await this.attempts.answersOf(attempt.id, tx);
    const answers = new Map<string, AnswerValue>(saved.map((a) => [a.questionId, a.answer]));
    const grade = gradeAttempt(await this.keys.keyOf(attempt), answers);
    const status = statusAfterClosing(attempt.status, how, grade.needsMarking);
    if (status === null) return { answers: saved, events: [] };
    Object.assign(attempt, {
      status,
      live: null,
      submittedAt: now,
      closedBy: how === 'submit' ? 'candidate' : 'deadline',
      questionScores: grade.scores,
      objectiveScore: grade.objectiveScore,
      score: status === 'graded' ? grade.objectiveScore : null,
      updatedAt: now,
    });
    await this.attempts.close(tx, attempt);
    const events: TopicStagedEvent[] = [
      {
        topic: Topics.AttemptSubmitted,
        subjectId: attempt.id,
        payload: {
          ...attemptIdsOf(attempt),
          attemptNumber: attempt.attemptNo,
          closedBy: how === 'submit' ? 'candidate' : 'deadline',
          status: status === 'graded' ? 'graded' : 'submitted',
          objectiveScore: grade.objectiveScore,
          maxScore: grade.maxScore,
          needsMarking: grade.needsMarking,
          submittedAt: now.toISOString(),
        },
      },
    ];
    // Nothing to mark: the attempt is final now, so its total is announced with it (marking announces the
    // others' once their last answer is marked, and any later change by a remark or regrade).
    if (status === 'graded')
      events.push(
        attemptGradedEvent(
          attempt,
          'submission',
          { score: grade.objectiveScore, objectiveScore: grade.objectiveScore, maxScore: grade.maxScore },
          now,
        ),
      );
    return { answers: saved, events };
  }
}
