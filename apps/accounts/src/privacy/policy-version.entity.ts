import { randomUUID } from 'node:crypto';

import { Column, Entity, PrimaryColumn } from 'typeorm';

const millis = { type: 'datetime' as const, precision: 3 };

/** One published privacy policy text. Never edited or deleted: old versions stay readable. */
@Entity({ name: 'policy_versions' })
export class PolicyVersionEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id: string = randomUUID();
  @Column({ type: 'varchar', length: 32, unique: true }) version = '';
  @Column({ type: 'mediumtext' }) text = '';
  @Column({ name: 'effective_at', ...millis }) effectiveAt: Date = new Date();
  /** Users must accept it again at their next sign-in. */
  @Column({ name: 'material_change', type: 'boolean' }) materialChange = false;
  @Column({ name: 'created_at', ...millis }) createdAt: Date = new Date();
}
