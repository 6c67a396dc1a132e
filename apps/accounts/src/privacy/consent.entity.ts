import type { ConsentPurpose } from '@exam/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The current choice of one user for one optional purpose; every change is also published as an event. */
@Entity({ name: 'consents' })
export class ConsentEntity {
  @PrimaryColumn({ name: 'user_id', type: 'char', length: 36 }) userId = '';
  @PrimaryColumn({ type: 'varchar', length: 32 }) purpose: ConsentPurpose = 'marketing';
  @Column({ type: 'boolean' }) granted = false;
  @Column({ name: 'policy_version', type: 'varchar', length: 32, nullable: true }) policyVersion:
    string | null = null;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date = new Date();
}
