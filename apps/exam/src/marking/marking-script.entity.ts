import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A closed attempt as markers know it: `id` is the opaque script id they see, never the attempt, the
 * candidate or their name. One per attempt, created when the attempt is taken into marking (intake).
 */
@Entity({ name: 'marking_scripts' })
export class MarkingScriptEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'exam_id', type: 'char', length: 36 }) examId!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ name: 'attempt_id', type: 'char', length: 36 }) attemptId!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
