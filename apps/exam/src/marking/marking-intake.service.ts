import { randomUUID } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AnswerKeyResolver } from '../attempt/answer-key-resolver';
import type { AnswerValue } from '../attempt/domain/answer';
import { ExamEnv } from '../config/exam.env';
import { AttemptScoreRepository } from './attempt-score.repository';
import { AttemptScoringService } from './attempt-scoring.service';
import { type KeyOverride, regradedScores } from './domain/key-change';
import { markablePartOf } from './domain/markable-part';
import { KeyChangeRepository } from './key-change.repository';
import { MarkingRepository } from './marking.repository';
import { MarkingItemEntity } from './marking-item.entity';
import { MarkingScriptEntity } from './marking-script.entity';

/** Intake passes one run may make before it yields to the next interval. */
const MAX_BATCHES_PER_RUN = 10;

/**
 * Takes closed attempts into marking, once each: an anonymous script, one item per question a person must
 * mark (its written passages copied), the exam's key changes applied to its objective questions, and the
 * total of an attempt that needs no marker. Bounded batches; safe on several replicas (the attempt row lock
 * and the script's unique attempt id).
 */
@Injectable()
export class MarkingIntakeService {
  constructor(
    private readonly marking: MarkingRepository,
    private readonly attempts: AttemptScoreRepository,
    private readonly keyChanges: KeyChangeRepository,
    private readonly scoring: AttemptScoringService,
    private readonly keys: AnswerKeyResolver,
    private readonly env: ExamEnv,
    private readonly clock: Clock,
  ) {}

  /** One pass over attempts waiting for intake (of one exam, or all); returns how many were taken in. */
  async run(examId: string | null = null): Promise<number> {
    let taken = 0;
    for (let batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
      const ids = await this.attempts.awaitingIntake(examId, this.env.EXAM_MARKING_BATCH_SIZE);
      for (const id of ids) if (await this.marking.transaction((tx) => this.intakeOne(tx, id))) taken++;
      if (ids.length < this.env.EXAM_MARKING_BATCH_SIZE) break;
    }
    return taken;
  }

  private async intakeOne(tx: EntityManager, attemptId: string): Promise<boolean> {
    const attempt = await this.attempts.lock(tx, attemptId);
    if (attempt === null || (attempt.status !== 'submitted' && attempt.status !== 'graded')) return false;
    if ((await this.marking.scriptOfAttempt(tx, attemptId)) !== null) return false;
    const now = this.clock.now();
    const saved = await this.attempts.answersOf(tx, attemptId);
    const answers = new Map<string, AnswerValue>(saved.map((a) => [a.questionId, a.answer]));
    const script = Object.assign(new MarkingScriptEntity(), {
      id: randomUUID(),
      examId: attempt.examId,
      institutionId: attempt.institutionId,
      attemptId,
      createdAt: now,
    });
    const answerKey = await this.keys.keyOf(attempt);
    const items: MarkingItemEntity[] = [];
    for (const question of answerKey) {
      if ((attempt.questionScores ?? {})[question.questionId] !== null) continue;
      const part = markablePartOf(question, answers.get(question.questionId));
      if (part === null) continue;
      items.push(
        Object.assign(new MarkingItemEntity(), {
          id: randomUUID(),
          scriptId: script.id,
          examId: attempt.examId,
          institutionId: attempt.institutionId,
          attemptId,
          questionId: question.questionId,
          maxMark: part.maxMark,
          autoPoints: part.autoPoints,
          passages: [...part.passages],
          status: 'marking',
          finalMark: null,
          claimedBy: null,
          claimExpiresAt: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
    }
    await this.marking.insertScript(tx, script, items);
    const changes = await this.keyChanges.ofExam(attempt.examId, tx);
    const overrides = new Map<string, KeyOverride>(changes.map((c) => [c.questionId, c.override]));
    const byQuestion = new Map(changes.map((c) => [c.questionId, c]));
    await this.scoring.apply(
      tx,
      attempt,
      regradedScores(answerKey, answers, overrides).map(({ questionId, score }) => ({
        questionId,
        score,
        reason: 'regraded',
        actorId: byQuestion.get(questionId)?.changedBy ?? null,
        note: byQuestion.get(questionId)?.reason ?? '',
        objective: true,
      })),
      'submission',
      now,
    );
    return true;
  }
}
