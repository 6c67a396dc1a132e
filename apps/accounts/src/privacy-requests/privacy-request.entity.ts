import { randomUUID } from 'node:crypto';

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const PRIVACY_REQUEST_KINDS = ['export', 'erasure'] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];

const millis = { type: 'datetime' as const, precision: 3 };

/**
 * A data subject's request (copy of their data, account cancellation), tracked against the 15-day deadline.
 * Holds no personal value: it outlives an erasure as proof that the request was honoured.
 */
@Entity({ name: 'privacy_requests' })
@Index('ix_privacy_requests_user', ['userId', 'requestedAt'])
export class PrivacyRequestEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string = randomUUID();
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId = '';
  @Column({ type: 'varchar', length: 16 }) kind: PrivacyRequestKind = 'export';
  @Column({ name: 'requested_at', ...millis }) requestedAt: Date = new Date();
  @Column({ name: 'deadline_at', ...millis }) deadlineAt: Date = new Date();
  /** Set when this service has done its part; other services act on `accounts.erasure.requested`. */
  @Column({ name: 'completed_at', ...millis, nullable: true }) completedAt: Date | null = null;
}
