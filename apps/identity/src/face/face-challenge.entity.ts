import type { FaceCheckPurpose } from '@exam/platform/face-check';
import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { LivenessStep } from './face-liveness';

/** A liveness challenge: the random head movements asked for, bound to one user, purpose and exam, used once. */
@Entity({ name: 'face_challenges' })
export class FaceChallengeEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @Column({ type: 'varchar', length: 32 }) purpose!: FaceCheckPurpose;
  @Column({ name: 'exam_id', type: 'char', length: 36, nullable: true }) examId!: string | null;
  /** The relying service's request (a face ticket's `ref`) for checks taken before sign-in; null otherwise. */
  @Column({ type: 'varchar', length: 64, nullable: true }) ref!: string | null;
  @Column({ type: 'char', length: 43 }) nonce!: string;
  @Column({ type: 'simple-json' }) steps!: LivenessStep[];
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt!: Date;
  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true }) usedAt!: Date | null;
}
