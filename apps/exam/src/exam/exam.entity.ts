import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { PaperSnapshot } from '../paper/paper-structure';
import type { ExamSettings, ExamStatus, ExamVisibility } from './exam-settings';

/** An exam: a paper, its schedule and rules, and its registration (seats counted in `seatsTaken`). */
@Entity({ name: 'exams' })
export class ExamEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ name: 'paper_id', type: 'char', length: 36 }) paperId!: string;
  /** Prefix of the exam's registration and ticket numbers. */
  @Column({ type: 'char', length: 8 }) code!: string;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'text' }) notice!: string;
  @Column({ type: 'varchar', length: 10 }) status!: ExamStatus;
  @Column({ type: 'varchar', length: 12 }) visibility!: ExamVisibility;
  @Column({ type: 'boolean' }) practice!: boolean;
  @Column({ name: 'opens_at', type: 'datetime', precision: 3 }) opensAt!: Date;
  @Column({ name: 'closes_at', type: 'datetime', precision: 3 }) closesAt!: Date;
  @Column({ name: 'registration_opens_at', type: 'datetime', precision: 3, nullable: true })
  registrationOpensAt!: Date | null;
  @Column({ name: 'registration_closes_at', type: 'datetime', precision: 3, nullable: true })
  registrationClosesAt!: Date | null;
  @Column({ type: 'int', unsigned: true, nullable: true }) capacity!: number | null;
  @Column({ name: 'seats_taken', type: 'int', unsigned: true }) seatsTaken!: number;
  @Column({ name: 'registration_seq', type: 'int', unsigned: true }) registrationSeq!: number;
  @Column({ name: 'fee_fen', type: 'int', unsigned: true }) feeFen!: number;
  @Column({ name: 'requires_real_name', type: 'boolean' }) requiresRealName!: boolean;
  @Column({ name: 'requires_approval', type: 'boolean' }) requiresApproval!: boolean;
  @Column({ type: 'json' }) settings!: ExamSettings;
  @Column({ name: 'paper_snapshot', type: 'json', nullable: true }) paperSnapshot!: PaperSnapshot | null;
  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true }) publishedAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
