import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { QuestionContent } from './question-content';

/** One version of a question. `lockedAt` is set when an exam is published with it: from then on it never changes. */
@Entity({ name: 'question_versions' })
export class QuestionVersionEntity {
  @PrimaryColumn({ name: 'question_id', type: 'char', length: 36 }) questionId!: string;
  @PrimaryColumn({ type: 'int', unsigned: true }) version!: number;
  @Column({ type: 'json' }) content!: QuestionContent;
  @Column({ name: 'locked_at', type: 'datetime', precision: 3, nullable: true }) lockedAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
