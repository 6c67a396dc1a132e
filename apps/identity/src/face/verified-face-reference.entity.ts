import { EncryptedColumn } from '@exam/crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The face of the verified person: the descriptor of the live capture that passed identity's liveness check and
 * that the authority matched with its register photo during real-name verification. Enrolment and exam-start
 * face checks are held against it, so a template of someone else's face cannot stand in for the verified
 * person. Descriptor only, never the image; encrypted and bound to the user's row.
 */
@Entity({ name: 'verified_face_references' })
export class VerifiedFaceReferenceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  /** base64 of the Float32Array descriptor; ciphertext at rest. */
  @EncryptedColumn({ name: 'descriptor', type: 'text' }) descriptor!: string;
  @Column({ name: 'model_version', type: 'varchar', length: 128 }) modelVersion!: string;
  /** The real-name verification attempt whose capture the authority matched. */
  @Column({ name: 'attempt_id', type: 'char', length: 36 }) attemptId!: string;
  @Column({ name: 'verified_at', type: 'datetime', precision: 3 }) verifiedAt!: Date;
}
