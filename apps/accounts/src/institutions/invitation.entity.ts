import { randomUUID } from 'node:crypto';

import type { OrgRole } from '@exam/contracts';
import { EncryptedColumn, EncryptedEntity } from '@exam/crypto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const millis = { type: 'datetime' as const, precision: 3 };

/**
 * An invitation to join an institution with a role, sent to a phone or email. Only the account that proved
 * that contact can accept it, with the token delivered there.
 */
@Entity({ name: 'invitations' })
@EncryptedEntity({ tenantProperty: 'institutionId' })
@Index('ix_invitations_institution', ['institutionId'])
export class InvitationEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string = randomUUID();
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId = '';
  @Column({ type: 'varchar', length: 16 }) role: OrgRole = 'org_staff';
  @Column({ name: 'contact_kind', type: 'varchar', length: 8 }) contactKind: 'phone' | 'email' = 'email';
  @EncryptedColumn({ name: 'contact' }) contact = '';
  @Column({ name: 'token_hash', type: 'char', length: 64, unique: true }) tokenHash = '';
  @Column({ name: 'invited_by', type: 'char', length: 36 }) invitedBy = '';
  @Column({ name: 'created_at', ...millis }) createdAt: Date = new Date();
  @Column({ name: 'expires_at', ...millis }) expiresAt: Date = new Date();
  @Column({ name: 'accepted_at', ...millis, nullable: true }) acceptedAt: Date | null = null;
  @Column({ name: 'accepted_by', type: 'char', length: 36, nullable: true }) acceptedBy: string | null = null;
}
