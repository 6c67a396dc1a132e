import { Column, Entity, PrimaryColumn } from 'typeorm';

/** That a user accepted a policy version, and when. */
@Entity({ name: 'policy_acceptances' })
export class PolicyAcceptanceEntity {
  @PrimaryColumn({ name: 'user_id', type: 'char', length: 36 }) userId = '';
  @PrimaryColumn({ type: 'varchar', length: 32 }) version = '';
  @Column({ name: 'accepted_at', type: 'datetime', precision: 3 }) acceptedAt: Date = new Date();
}
