import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A face-check token (by its jti) an attempt used, to start it (`exam_start`) or as a periodic check during it
 * (`exam_proctor`): a token is accepted once.
 */
@Entity({ name: 'attempt_face_checks' })
export class AttemptFaceCheckEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) jti!: string;
  @Column({ name: 'attempt_id', type: 'char', length: 36 }) attemptId!: string;
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @Column({ name: 'exam_id', type: 'char', length: 36 }) examId!: string;
  @Column({ name: 'verification_id', type: 'varchar', length: 64 }) verificationId!: string;
  @Column({ name: 'used_at', type: 'datetime', precision: 3 }) usedAt!: Date;
  @Column({ type: 'varchar', length: 16, default: 'exam_start' }) purpose!: 'exam_start' | 'exam_proctor';
}
