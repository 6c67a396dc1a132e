import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { QuestionType } from './question-content';

/**
 * A question's identity and what papers draw by (type, difficulty, category, tags); what it says lives in
 * its versions (`current_version` is the one staff edit and new papers use).
 */
@Entity({ name: 'questions' })
export class QuestionEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'bank_id', type: 'char', length: 36 }) bankId!: string;
  @Column({ name: 'category_id', type: 'char', length: 36, nullable: true }) categoryId!: string | null;
  @Column({ type: 'varchar', length: 16 }) type!: QuestionType;
  @Column({ type: 'tinyint', unsigned: true }) difficulty!: number;
  @Column({ type: 'int', unsigned: true }) score!: number;
  @Column({ type: 'json' }) tags!: string[];
  @Column({ name: 'current_version', type: 'int', unsigned: true }) currentVersion!: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
