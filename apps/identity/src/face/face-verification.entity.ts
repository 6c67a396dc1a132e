import type { FaceCheckPurpose } from '@exam/platform/face-check';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const FACE_CHECK_OUTCOMES = ['passed', 'face_mismatch', 'liveness_failed'] as const;
export type FaceCheckOutcome = (typeof FACE_CHECK_OUTCOMES)[number];

/** One automated face decision, with what is needed to explain and re-score it later. */
@Entity({ name: 'face_verifications' })
@Index('ix_face_verifications_user_day', ['userId', 'purpose', 'day'])
export class FaceVerificationEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @Column({ type: 'varchar', length: 32 }) purpose!: FaceCheckPurpose;
  @Column({ name: 'exam_id', type: 'char', length: 36, nullable: true }) examId!: string | null;
  @Column({ name: 'challenge_id', type: 'char', length: 36 }) challengeId!: string;
  @Column({ type: 'varchar', length: 32 }) outcome!: FaceCheckOutcome;
  @Column({ type: 'varchar', length: 255 }) reason!: string;
  /** Descriptor distance of the frontal frame to the enrolled template; null when liveness failed first. */
  @Column({ type: 'double', nullable: true }) distance!: number | null;
  @Column({ type: 'double' }) threshold!: number;
  @Column({ name: 'model_version', type: 'varchar', length: 128 }) modelVersion!: string;
  @Column({ name: 'liveness_passed', type: 'boolean' }) livenessPassed!: boolean;
  /** UTC day (YYYY-MM-DD) the attempt counts against. */
  @Column({ type: 'char', length: 10 }) day!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  /** Set when a human review overturned this failure: it no longer counts against the daily limit. */
  @Column({ name: 'overturned_at', type: 'datetime', precision: 3, nullable: true })
  overturnedAt!: Date | null;
}
