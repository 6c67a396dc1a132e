import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which relay instance may publish right now; other replicas stand by until the lease expires. */
@Entity({ name: 'outbox_relay_lease' })
export class OutboxLeaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 }) name!: string;
  @Column({ type: 'varchar', length: 64 }) owner!: string;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt!: Date;
}
