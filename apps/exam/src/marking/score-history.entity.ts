import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import { DECIMAL_POINTS } from '../database/decimal-column';

/** Why a question's score changed: marked, reconciled after double marking, remarked by staff, regraded. */
export const SCORE_CHANGE_REASONS = ['marked', 'reconciled', 'remarked', 'regraded'] as const;
export type ScoreChangeReason = (typeof SCORE_CHANGE_REASONS)[number];

/** One change of one question's score of an attempt: append-only. */
@Entity({ name: 'attempt_score_history' })
export class ScoreHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ name: 'attempt_id', type: 'char', length: 36 }) attemptId!: string;
  @Column({ name: 'exam_id', type: 'char', length: 36 }) examId!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ name: 'question_id', type: 'char', length: 36 }) questionId!: string;
  @Column({
    name: 'old_score',
    type: 'decimal',
    precision: 10,
    scale: 2,
    nullable: true,
    transformer: DECIMAL_POINTS,
  })
  oldScore!: number | null;
  @Column({
    name: 'new_score',
    type: 'decimal',
    precision: 10,
    scale: 2,
    nullable: true,
    transformer: DECIMAL_POINTS,
  })
  newScore!: number | null;
  @Column({ type: 'varchar', length: 16 }) reason!: ScoreChangeReason;
  /** The staff member who made the change (the final marker for a mark). */
  @Column({ name: 'actor_id', type: 'char', length: 36, nullable: true }) actorId!: string | null;
  @Column({ type: 'varchar', length: 500 }) note!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
