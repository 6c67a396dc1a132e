import { EncryptedColumn } from '@exam/crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A user's enrolled face: the descriptor only (never the image), encrypted and bound to this row. */
@Entity({ name: 'face_templates' })
export class FaceTemplateEntity {
  @PrimaryColumn({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  /** base64 of the Float32Array descriptor; ciphertext at rest. */
  @EncryptedColumn({ name: 'descriptor', type: 'text' }) descriptor!: string;
  @Column({ name: 'model_version', type: 'varchar', length: 128 }) modelVersion!: string;
  @Column({ name: 'detection_score', type: 'double' }) detectionScore!: number;
  @Column({ name: 'face_width_px', type: 'int' }) faceWidthPx!: number;
  @Column({ name: 'enrolled_at', type: 'datetime', precision: 3 }) enrolledAt!: Date;
}
