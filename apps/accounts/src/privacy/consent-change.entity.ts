import { randomUUID } from 'node:crypto';

import type { ConsentPurpose } from '@exam/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One real change of one consent, kept so a user's copy of their data shows when they gave or withdrew it. */
@Entity({ name: 'consent_changes' })
@Index('ix_consent_changes_user', ['userId', 'changedAt'])
export class ConsentChangeEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string = randomUUID();
  @Column({ name: 'user_id', type: 'char', length: 36 }) userId = '';
  @Column({ type: 'varchar', length: 32 }) purpose: ConsentPurpose = 'marketing';
  @Column({ type: 'boolean' }) granted = false;
  @Column({ name: 'policy_version', type: 'varchar', length: 32, nullable: true }) policyVersion:
    string | null = null;
  @Column({ name: 'changed_at', type: 'datetime', precision: 3 }) changedAt: Date = new Date();
}
