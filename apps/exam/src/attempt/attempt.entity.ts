import { Column, Entity, PrimaryColumn } from 'typeorm';

import { DECIMAL_POINTS } from '../database/decimal-column';
import type { CandidatePaper } from '../paper/paper-structure';
import type { StoredAnswerKey } from './domain/attempt-paper';
import type { AttemptStatus } from './domain/attempt-state';

/** How an attempt was closed: submitted by its candidate, or finalised by the deadline job. */
export type AttemptClosing = 'candidate' | 'deadline';

/**
 * One candidate's attempt at an exam. The paper and its key are frozen at the start, so later edits of the
 * bank or the exam never change what the candidate saw or how it is graded. `startedAt` is written once.
 */
@Entity({ name: 'exam_attempts' })
export class AttemptEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'exam_id', type: 'char', length: 36 }) examId!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @Column({ name: 'attempt_no', type: 'smallint', unsigned: true }) attemptNo!: number;
  @Column({ type: 'varchar', length: 16 }) status!: AttemptStatus;
  /** 1 while the attempt is live, null once closed: the unique key allows one live attempt per exam and user. */
  @Column({ type: 'tinyint', nullable: true }) live!: number | null;
  @Column({ type: 'char', length: 16 }) seed!: string;
  /** The candidate's paper as delivered: per-candidate order, no answers, scores of the key or explanations. */
  @Column({ type: 'json' }) paper!: CandidatePaper;
  /**
   * Every question of the paper at its pinned version and its worth here, for grading: references into the exam's
   * frozen snapshot (rows written before session 10: whole questions). AnswerKeyResolver gives the content.
   */
  @Column({ name: 'answer_key', type: 'json' }) answerKey!: StoredAnswerKey;
  @Column({ name: 'device_id', type: 'varchar', length: 128 }) deviceId!: string;
  /** The device that held the attempt before the last takeover: it is told it was taken over. */
  @Column({ name: 'previous_device_id', type: 'varchar', length: 128, nullable: true })
  previousDeviceId!: string | null;
  @Column({ name: 'started_at', type: 'datetime', precision: 3, update: false }) startedAt!: Date;
  @Column({ name: 'deadline_at', type: 'datetime', precision: 3 }) deadlineAt!: Date;
  /** Deadline plus the exam's grace plus the network grace: saves and submissions are accepted until then. */
  @Column({ name: 'save_until', type: 'datetime', precision: 3 }) saveUntil!: Date;
  @Column({ name: 'earliest_submit_at', type: 'datetime', precision: 3 }) earliestSubmitAt!: Date;
  /**
   * Set while staff hold the attempt paused: saves and submission are refused and the deadline job leaves it
   * alone; resuming pushes the deadline and the save window by the paused time.
   */
  @Column({ name: 'paused_at', type: 'datetime', precision: 3, nullable: true }) pausedAt!: Date | null;
  /** Set when the anti-cheat policy (consequence flag) marked the attempt for staff review. */
  @Column({ name: 'flagged_at', type: 'datetime', precision: 3, nullable: true }) flaggedAt!: Date | null;
  @Column({ name: 'submitted_at', type: 'datetime', precision: 3, nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'closed_by', type: 'varchar', length: 10, nullable: true })
  closedBy!: AttemptClosing | null;
  @Column({ name: 'question_scores', type: 'json', nullable: true }) questionScores!: Record<
    string,
    number | null
  > | null;
  @Column({
    name: 'objective_score',
    type: 'decimal',
    precision: 10,
    scale: 2,
    nullable: true,
    transformer: DECIMAL_POINTS,
  })
  objectiveScore!: number | null;
  /** The total, objective plus marked points; null until every question has a score (marking/domain/attempt-total). */
  @Column({
    type: 'decimal',
    precision: 10,
    scale: 2,
    nullable: true,
    transformer: DECIMAL_POINTS,
  })
  score!: number | null;
  @Column({
    name: 'max_score',
    type: 'decimal',
    precision: 10,
    scale: 2,
    transformer: DECIMAL_POINTS,
  })
  maxScore!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
