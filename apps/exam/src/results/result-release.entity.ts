import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Staff released an exam's results (policy `after_marking`); one row per exam, written once. */
@Entity({ name: 'exam_result_releases' })
export class ResultReleaseEntity {
  @PrimaryColumn({ name: 'exam_id', type: 'char', length: 36 }) examId!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ name: 'released_by', type: 'char', length: 36 }) releasedBy!: string;
  @Column({ name: 'released_at', type: 'datetime', precision: 3 }) releasedAt!: Date;
}
