import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { In, MoreThan, Repository } from 'typeorm';

import { AttemptEntity } from '../attempt/attempt.entity';
import { AttemptAnswerEntity } from '../attempt/attempt-answer.entity';
import type { AttemptStatus } from '../attempt/domain/attempt-state';

/** Closed attempts: what marking and regrading read and change. */
const CLOSED: AttemptStatus[] = ['submitted', 'graded'];

export interface AttemptScores {
  readonly status: AttemptStatus;
  readonly questionScores: Record<string, number | null>;
  readonly objectiveScore: number | null;
  readonly score: number | null;
  readonly updatedAt: Date;
}

/**
 * The scores of the attempt aggregate, for marking and regrading (the attempt module owns delivery and
 * closing). Every change happens on the attempt row locked in the caller's transaction.
 */
@Injectable()
export class AttemptScoreRepository {
  constructor(@InjectRepository(AttemptEntity) private readonly attempts: Repository<AttemptEntity>) {}

  lock(tx: EntityManager, attemptId: string): Promise<AttemptEntity | null> {
    return tx
      .getRepository(AttemptEntity)
      .findOne({ where: { id: attemptId }, lock: { mode: 'pessimistic_write' } });
  }

  answersOf(tx: EntityManager, attemptId: string): Promise<AttemptAnswerEntity[]> {
    return tx.getRepository(AttemptAnswerEntity).find({ where: { attemptId } });
  }

  async saveScores(tx: EntityManager, attemptId: string, scores: AttemptScores): Promise<void> {
    await tx.getRepository(AttemptEntity).update({ id: attemptId }, { ...scores });
  }

  findOfExam(examId: string, attemptId: string): Promise<AttemptEntity | null> {
    return this.attempts.findOne({ where: { id: attemptId, examId }, select: { id: true, examId: true } });
  }

  /**
   * Closed attempts not yet taken into marking (no script), oldest first; of one exam, or of all.
   * The query builder says the anti-join.
   */
  async awaitingIntake(examId: string | null, limit: number): Promise<string[]> {
    const query = this.attempts
      .createQueryBuilder('a')
      .select('a.id', 'id')
      .leftJoin('marking_scripts', 's', 's.attempt_id = a.id')
      .where('a.status IN (:...closed)', { closed: CLOSED })
      .andWhere('s.id IS NULL');
    if (examId !== null) query.andWhere('a.exam_id = :examId', { examId });
    const rows = await query.orderBy('a.submitted_at', 'ASC').limit(limit).getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Closed attempts of an exam after `after` (by id), for regrading in bounded batches. */
  async closedOfExam(examId: string, after: string | null, limit: number): Promise<string[]> {
    const rows = await this.attempts.find({
      select: { id: true },
      where: { examId, status: In(CLOSED), ...(after === null ? {} : { id: MoreThan(after) }) },
      order: { id: 'ASC' },
      take: limit,
    });
    return rows.map((r) => r.id);
  }
}
