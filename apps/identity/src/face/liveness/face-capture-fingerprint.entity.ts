import { EncryptedColumn } from '@exam/crypto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The compact fingerprint of one frame of a passed face check (its descriptor, never the image), kept so that
 * the same picture sent again later is refused as a replay. Encrypted like the template and erased with it.
 */
@Entity({ name: 'face_capture_fingerprints' })
@Index('ix_face_capture_fingerprints_user', ['userId', 'createdAt'])
export class FaceCaptureFingerprintEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  /** base64 of the Float32Array descriptor; ciphertext at rest. */
  @EncryptedColumn({ name: 'descriptor', type: 'text' }) descriptor!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
