import { type AttemptGradeReason, Topics } from '@exam/contracts';
import type { EventPublisher, TopicStagedEvent } from '@exam/platform';
import type { EntityManager } from 'typeorm';

import type { AttemptEntity } from './attempt.entity';

/** The points an `exam.attempt.graded` announces. */
export interface GradedTotals {
  readonly score: number;
  readonly objectiveScore: number;
  readonly maxScore: number;
}

type AttemptRef = Pick<AttemptEntity, 'id' | 'examId' | 'userId' | 'institutionId'>;

/** The ids every attempt event names: the attempt, its exam, its candidate and the exam's institution. */
export function attemptIdsOf(attempt: AttemptRef): {
  attemptId: string;
  examId: string;
  userId: string;
  institutionId: string;
} {
  return {
    attemptId: attempt.id,
    examId: attempt.examId,
    userId: attempt.userId,
    institutionId: attempt.institutionId,
  };
}

/** `exam.attempt.graded` for an attempt whose final total is known: ids and points only. */
export function attemptGradedEvent(
  attempt: AttemptRef,
  reason: AttemptGradeReason,
  totals: GradedTotals,
  now: Date,
): TopicStagedEvent & { topic: typeof Topics.AttemptGraded } {
  return {
    topic: Topics.AttemptGraded,
    subjectId: attempt.id,
    payload: {
      ...attemptIdsOf(attempt),
      reason,
      ...totals,
      gradedAt: now.toISOString(),
    },
  };
}

/**
 * Stages `exam.attempt.graded` in the caller's transaction: closing (nothing to mark), marking (the last
 * answer marked) and regrading (a changed total) all announce a final total the same way.
 */
export async function stageAttemptGraded(
  events: EventPublisher,
  tx: EntityManager,
  attempt: Pick<AttemptEntity, 'id' | 'examId' | 'userId' | 'institutionId'>,
  reason: AttemptGradeReason,
  totals: GradedTotals,
  now: Date,
): Promise<void> {
  const { topic, ...event } = attemptGradedEvent(attempt, reason, totals, now);
  await events.stage(tx, topic, event);
}
