import { Column, Entity, PrimaryColumn } from 'typeorm';

import { DECIMAL_POINTS } from '../database/decimal-column';
import type { MarkingItemStatus } from './domain/mark-rules';
import type { MarkablePassage } from './domain/markable-part';

/**
 * One question of one script waiting for (or done with) its marks. The written passages are copied at intake:
 * the answers of a closed attempt never change, and the queue reads them without the attempt's paper. A marker
 * holds it while `claimedBy` is set and `claimExpiresAt` has not passed.
 */
@Entity({ name: 'marking_items' })
export class MarkingItemEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'script_id', type: 'char', length: 36 }) scriptId!: string;
  @Column({ name: 'exam_id', type: 'char', length: 36 }) examId!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ name: 'attempt_id', type: 'char', length: 36 }) attemptId!: string;
  @Column({ name: 'question_id', type: 'char', length: 36 }) questionId!: string;
  @Column({ name: 'max_mark', type: 'decimal', precision: 10, scale: 2, transformer: DECIMAL_POINTS })
  maxMark!: number;
  /** Points the objective parts of a composite question scored; the question's score is these plus the mark. */
  @Column({ name: 'auto_points', type: 'decimal', precision: 10, scale: 2, transformer: DECIMAL_POINTS })
  autoPoints!: number;
  @Column({ type: 'json' }) passages!: MarkablePassage[];
  @Column({ type: 'varchar', length: 16 }) status!: MarkingItemStatus;
  @Column({
    name: 'final_mark',
    type: 'decimal',
    precision: 10,
    scale: 2,
    nullable: true,
    transformer: DECIMAL_POINTS,
  })
  finalMark!: number | null;
  @Column({ name: 'claimed_by', type: 'char', length: 36, nullable: true }) claimedBy!: string | null;
  @Column({ name: 'claim_expires_at', type: 'datetime', precision: 3, nullable: true })
  claimExpiresAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
