import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { StaffAction } from './domain/staff-action';

/** A staff member's action on an attempt, with the written reason and the deadline it left. */
@Entity({ name: 'attempt_staff_actions' })
export class StaffActionEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'attempt_id', type: 'char', length: 36 }) attemptId!: string;
  @Column({ name: 'exam_id', type: 'char', length: 36 }) examId!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ name: 'staff_user_id', type: 'char', length: 36 }) staffUserId!: string;
  @Column({ type: 'varchar', length: 16 }) action!: StaffAction;
  @Column({ type: 'smallint', unsigned: true, nullable: true }) minutes!: number | null;
  @Column({ type: 'varchar', length: 500 }) reason!: string;
  @Column({ name: 'deadline_at', type: 'datetime', precision: 3 }) deadlineAt!: Date;
  @Column({ name: 'taken_at', type: 'datetime', precision: 3 }) takenAt!: Date;
}
