import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One candidate's accommodation: extra time (extends duration and closing time), another window, extra attempts. */
@Entity({ name: 'exam_accommodations' })
export class ExamAccommodationEntity {
  @PrimaryColumn({ name: 'exam_id', type: 'char', length: 36 }) examId!: string;
  @PrimaryColumn({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @Column({ name: 'extra_minutes', type: 'int', unsigned: true }) extraMinutes!: number;
  @Column({ name: 'window_opens_at', type: 'datetime', precision: 3, nullable: true })
  windowOpensAt!: Date | null;
  @Column({ name: 'window_closes_at', type: 'datetime', precision: 3, nullable: true })
  windowClosesAt!: Date | null;
  @Column({ name: 'extra_attempts', type: 'int', unsigned: true }) extraAttempts!: number;
  @Column({ type: 'varchar', length: 500 }) note!: string;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
