import { randomUUID } from 'node:crypto';

import type { OrgRole } from '@exam/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const millis = { type: 'datetime' as const, precision: 3 };

/** A user's role in one institution; a user may hold roles in several institutions. */
@Entity({ name: 'memberships' })
@Index('ux_memberships', ['institutionId', 'userId', 'role'], { unique: true })
@Index('ix_memberships_user', ['userId'])
export class MembershipEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string = randomUUID();
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId = '';
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId = '';
  @Column({ type: 'varchar', length: 16 }) role: OrgRole = 'org_staff';
  @Column({ name: 'created_at', ...millis }) createdAt: Date = new Date();
}
