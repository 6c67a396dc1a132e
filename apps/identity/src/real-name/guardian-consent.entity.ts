import { randomUUID } from 'node:crypto';

import type { GuardianRelationshipKind } from '@exam/contracts';
import { EncryptedColumn } from '@exam/crypto';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export { GUARDIAN_RELATIONSHIPS } from '@exam/contracts';
export type GuardianRelationship = GuardianRelationshipKind;

/** A guardian's verified consent to processing a child's real-name data (under 14). */
@Entity({ name: 'guardian_consents' })
export class GuardianConsentEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string = randomUUID();

  @Column({ name: 'child_user_id', type: 'char', length: 36 }) childUserId!: string;

  @EncryptedColumn({ name: 'guardian_name' }) guardianName!: string;

  @EncryptedColumn({ name: 'guardian_id_number' }) guardianIdNumber!: string;

  @Column({ type: 'varchar', length: 16 }) relationship!: GuardianRelationship;

  /** The guardian's own authority check. */
  @Column({ name: 'attempt_id', type: 'char', length: 36 }) attemptId!: string;

  @CreateDateColumn({ name: 'consented_at', type: 'datetime', precision: 3 }) consentedAt!: Date;
}
