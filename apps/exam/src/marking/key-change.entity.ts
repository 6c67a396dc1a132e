import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { KeyOverride } from './domain/key-change';

/** The key of one question of an exam as staff changed it after the exam (over the frozen content). */
@Entity({ name: 'exam_key_changes' })
export class KeyChangeEntity {
  @PrimaryColumn({ name: 'exam_id', type: 'char', length: 36 }) examId!: string;
  @PrimaryColumn({ name: 'question_id', type: 'char', length: 36 }) questionId!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ type: 'json' }) override!: KeyOverride;
  @Column({ type: 'varchar', length: 500 }) reason!: string;
  @Column({ name: 'changed_by', type: 'char', length: 36 }) changedBy!: string;
  @Column({ name: 'changed_at', type: 'datetime', precision: 3 }) changedAt!: Date;
}
