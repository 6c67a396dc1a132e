import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

import type { ProctoringEventKind } from './domain/proctoring-event';
import type { PolicyOutcome, ProctoringRule } from './domain/proctoring-policy';

/**
 * One proctoring event of an attempt as the server recorded it: the client's id (a retried batch records it
 * once), what happened, the rule it counted against and what the policy did. `recordedAt` is server time; the
 * client's own time is kept for reference only.
 */
@Entity({ name: 'proctoring_events' })
export class ProctoringEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ name: 'attempt_id', type: 'char', length: 36 }) attemptId!: string;
  @Column({ name: 'exam_id', type: 'char', length: 36 }) examId!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @Column({ name: 'client_event_id', type: 'varchar', length: 64 }) clientEventId!: string;
  @Column({ type: 'varchar', length: 20 }) kind!: ProctoringEventKind;
  /** Time away (focus_lost) or without input (idle), in seconds. */
  @Column({ name: 'duration_seconds', type: 'int', unsigned: true, nullable: true }) durationSeconds!:
    number | null;
  /** copy, cut or paste (copy_paste); the server's judgement of a face check (face_check). */
  @Column({ type: 'varchar', length: 16, nullable: true }) detail!: string | null;
  /** Identity's stored decision behind a passed face check. */
  @Column({ name: 'verification_id', type: 'varchar', length: 64, nullable: true }) verificationId!:
    string | null;
  @Column({ type: 'varchar', length: 16, nullable: true }) rule!: ProctoringRule | null;
  @Column({ type: 'varchar', length: 12 }) outcome!: PolicyOutcome;
  @Column({ name: 'client_at', type: 'datetime', precision: 3, nullable: true }) clientAt!: Date | null;
  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 }) recordedAt!: Date;
}
