import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A face-check token (by its jti) that started an attempt: a token is accepted once. */
@Entity({ name: 'attempt_face_checks' })
export class AttemptFaceCheckEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 }) jti!: string;
  @Column({ name: 'attempt_id', type: 'char', length: 36 }) attemptId!: string;
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @Column({ name: 'exam_id', type: 'char', length: 36 }) examId!: string;
  @Column({ name: 'verification_id', type: 'varchar', length: 64 }) verificationId!: string;
  @Column({ name: 'used_at', type: 'datetime', precision: 3 }) usedAt!: Date;
}
