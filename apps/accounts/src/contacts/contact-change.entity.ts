import { randomUUID } from 'node:crypto';

import type { ContactKind } from '@exam/contracts';
import { EncryptedColumn } from '@exam/crypto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

const millis = { type: 'datetime' as const, precision: 3 };

/**
 * A requested, not yet proven, change of phone or email: one per user (a new request replaces it). The new value
 * waits here encrypted until the code sent to it comes back; the user row keeps the old contact until then.
 */
@Entity({ name: 'contact_changes' })
@Index('ux_contact_changes_user', ['userId'], { unique: true })
export class ContactChangeEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string = randomUUID();
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId = '';
  @Column({ type: 'varchar', length: 8 }) kind: ContactKind = 'phone';
  /** Normalized (+86… or lower-cased email). */
  @EncryptedColumn({ name: 'new_value' }) newValue = '';
  @Column({ name: 'requested_at', ...millis }) requestedAt: Date = new Date();
}
