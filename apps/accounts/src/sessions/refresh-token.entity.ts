import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const millis = { type: 'datetime' as const, precision: 3 };

/** One refresh token of a session, stored as its SHA-256 (the token itself is 256 random bits). */
@Entity({ name: 'refresh_tokens' })
@Index('ix_refresh_tokens_session', ['sessionId'])
export class RefreshTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'char', length: 64 }) tokenHash = '';
  @Column({ name: 'session_id', type: 'char', length: 36 }) sessionId = '';
  @Column({ name: 'issued_at', ...millis }) issuedAt: Date = new Date();
  /** Set when rotated; presenting a used token again is reuse and ends the whole session. */
  @Column({ name: 'used_at', ...millis, nullable: true }) usedAt: Date | null = null;
}
