import { EncryptedColumn } from '@exam/crypto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A raw enrolment image kept because the institution the candidate enrolled for asks for it: AES-256-GCM
 * ciphertext bound to this row, deleted at `expiresAt` by the retention job, on face-consent withdrawal, on a
 * guardian's withdrawal and on account erasure.
 */
@Entity({ name: 'face_raw_images' })
@Index('ix_face_raw_images_expires', ['expiresAt'])
@Index('ix_face_raw_images_user', ['userId'])
export class FaceRawImageEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  /** base64 of the uploaded bytes; ciphertext at rest (MEDIUMTEXT in the schema: images exceed TEXT). */
  @EncryptedColumn({ name: 'image', type: 'text' }) image!: string;
  @Column({ name: 'content_type', type: 'varchar', length: 16 }) contentType!: 'image/png' | 'image/jpeg';
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt!: Date;
}
