import type { AttemptGradeReason } from '@exam/contracts';
import { EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { AttemptEntity } from '../attempt/attempt.entity';
import { stageAttemptGraded } from '../attempt/attempt-graded.event';
import { nextAttemptStatus } from '../attempt/domain/attempt-state';
import { AttemptScoreRepository } from './attempt-score.repository';
import { attemptTotal } from './domain/attempt-total';
import type { ScoreChangeReason } from './score-history.entity';
import { ScoreHistoryRepository } from './score-history.repository';

/** A question's new score, why, and who gave it. */
export interface ScoreChange {
  readonly questionId: string;
  readonly score: number;
  readonly reason: ScoreChangeReason;
  readonly actorId: string | null;
  readonly note: string;
  /** Automatically graded (counted in the objective score), or marked by a person. */
  readonly objective: boolean;
}

function round(points: number): number {
  return Math.round(points * 100) / 100;
}

/**
 * Writes score changes to an attempt locked by the caller's transaction: per-question scores, the objective
 * score, the total (attemptTotal), one history row per changed score, and `submitted → graded` once every
 * question has a score. `exam.attempt.graded` is staged when the attempt becomes graded or a graded total
 * changes. Changes equal to the held score change nothing, so repeating one is harmless.
 */
@Injectable()
export class AttemptScoringService {
  constructor(
    private readonly attempts: AttemptScoreRepository,
    private readonly history: ScoreHistoryRepository,
    private readonly events: EventPublisher,
  ) {}

  /** Returns how many question scores changed. */
  async apply(
    tx: EntityManager,
    attempt: AttemptEntity,
    changes: readonly ScoreChange[],
    gradeReason: AttemptGradeReason,
    now: Date,
  ): Promise<number> {
    const scores: Record<string, number | null> = { ...(attempt.questionScores ?? {}) };
    let objective = attempt.objectiveScore ?? 0;
    const rows = [];
    for (const change of changes) {
      const old = scores[change.questionId] ?? null;
      const score = round(change.score);
      if (old !== null && round(old) === score) continue;
      scores[change.questionId] = score;
      if (change.objective) objective = round(objective + score - (old ?? 0));
      rows.push({
        attemptId: attempt.id,
        examId: attempt.examId,
        institutionId: attempt.institutionId,
        questionId: change.questionId,
        oldScore: old,
        newScore: score,
        reason: change.reason,
        actorId: change.actorId,
        note: change.note.slice(0, 500),
        createdAt: now,
      });
    }
    const total = attemptTotal(scores);
    const status =
      attempt.status === 'submitted' && total !== null
        ? (nextAttemptStatus(attempt.status, 'grade') ?? attempt.status)
        : attempt.status;
    if (rows.length === 0 && status === attempt.status && total === attempt.score) return 0;
    const becameGraded = status === 'graded' && attempt.status !== 'graded';
    const totalChanged = total !== attempt.score;
    Object.assign(attempt, {
      status,
      questionScores: scores,
      objectiveScore: objective,
      score: total,
      updatedAt: now,
    });
    await this.attempts.saveScores(tx, attempt.id, {
      status,
      questionScores: scores,
      objectiveScore: objective,
      score: total,
      updatedAt: now,
    });
    await this.history.append(tx, rows);
    if (status === 'graded' && total !== null && (becameGraded || totalChanged))
      await stageAttemptGraded(
        this.events,
        tx,
        attempt,
        gradeReason,
        { score: total, objectiveScore: objective, maxScore: attempt.maxScore },
        now,
      );
    return rows.length;
  }
}
