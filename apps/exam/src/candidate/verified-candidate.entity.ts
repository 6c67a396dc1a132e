import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Exam's projection of identity's real-name verifications (`identity.verification.completed` with result
 * `match`): only the masked name and ID-number hint identity publishes, never the full values.
 */
@Entity({ name: 'verified_candidates' })
export class VerifiedCandidateEntity {
  @PrimaryColumn({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @Column({ name: 'verification_id', type: 'char', length: 36 }) verificationId!: string;
  @Column({ name: 'masked_name', type: 'varchar', length: 64 }) maskedName!: string;
  @Column({ name: 'masked_id_number', type: 'varchar', length: 32 }) maskedIdNumber!: string;
  @Column({ type: 'boolean' }) minor!: boolean;
  /** Verified with the face step (the authority matched the live capture): exams with a face check at entry need it. */
  @Column({ name: 'face_verified', type: 'boolean', default: false }) faceVerified!: boolean;
  @Column({ name: 'verified_at', type: 'datetime', precision: 3 }) verifiedAt!: Date;
}
