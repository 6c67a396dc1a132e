import { randomUUID } from 'node:crypto';

import type { SessionRevokeReason } from '@exam/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const millis = { type: 'datetime' as const, precision: 3 };

export type SessionEndReason = SessionRevokeReason;

/** One signed-in device: the family of refresh tokens that descend from one login. Its id is the token `sid`. */
@Entity({ name: 'sessions' })
@Index('ix_sessions_user', ['userId', 'revokedAt'])
export class SessionEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string = randomUUID();
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId = '';
  /** Only the masked form is kept: the session list needs no more (minimum collection). */
  @Column({ name: 'masked_ip', type: 'varchar', length: 64 }) maskedIp = '';
  /** Province and city of the IP (e.g. "江苏省 南京市"), resolved offline; null for private or unknown addresses. */
  @Column({ type: 'varchar', length: 64, nullable: true }) region: string | null = null;
  @Column({ name: 'user_agent', type: 'varchar', length: 512 }) userAgent = '';
  @Column({ name: 'device_id', type: 'varchar', length: 128, nullable: true }) deviceId: string | null = null;
  /** The login attempt that opened it, so audit's verdict on that attempt can end it. */
  @Column({ name: 'attempt_id', type: 'char', length: 36, nullable: true }) attemptId: string | null = null;
  @Column({ name: 'created_at', ...millis }) createdAt: Date = new Date();
  @Column({ name: 'last_used_at', ...millis }) lastUsedAt: Date = new Date();
  @Column({ name: 'expires_at', ...millis }) expiresAt: Date = new Date();
  @Column({ name: 'revoked_at', ...millis, nullable: true }) revokedAt: Date | null = null;
  @Column({ name: 'revoke_reason', type: 'varchar', length: 32, nullable: true })
  revokeReason: SessionEndReason | null = null;
}
