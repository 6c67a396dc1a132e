import { randomUUID } from 'node:crypto';

import type { PlatformRole, PlatformRoleChange, PlatformRoleChangeSource } from '@exam/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const millis = { type: 'datetime' as const, precision: 3 };

/**
 * One grant or revocation of a platform role, with who did it and why. The audit chain holds the
 * reason's SHA-256 only (free text may name people), so this row is where the reason can be read
 * and checked against the chain.
 */
@Entity({ name: 'platform_role_changes' })
@Index('ix_platform_role_changes_user', ['userId', 'changedAt'])
export class PlatformRoleChangeEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string = randomUUID();
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId = '';
  @Column({ type: 'varchar', length: 32 }) role: PlatformRole = 'candidate';
  @Column({ name: 'change_kind', type: 'varchar', length: 8 }) change: PlatformRoleChange = 'granted';
  @Column({ type: 'varchar', length: 16 }) source: PlatformRoleChangeSource = 'admin_api';
  @Column({ name: 'actor_id', type: 'char', length: 36, nullable: true }) actorId: string | null = null;
  @Column({ type: 'varchar', length: 500 }) reason = '';
  @Column({ name: 'changed_at', ...millis }) changedAt: Date = new Date(0);
}
