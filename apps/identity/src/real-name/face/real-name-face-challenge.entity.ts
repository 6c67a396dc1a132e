import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { LivenessStep } from '../../face/face-liveness';

/**
 * A liveness challenge for the face step of real-name verification: the head movements asked for, bound to one
 * user, answered once inside a verification request. Kept apart from face_challenges, whose purposes are the
 * face-check token's (a real-name check issues no token; the authority decides it).
 */
@Entity({ name: 'real_name_face_challenges' })
export class RealNameFaceChallengeEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId!: string;
  @Column({ type: 'char', length: 43 }) nonce!: string;
  @Column({ type: 'simple-json' }) steps!: LivenessStep[];
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt!: Date;
  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true }) usedAt!: Date | null;
}
