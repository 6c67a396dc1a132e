import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An event waiting to be published; written in the same transaction as the state change. */
@Entity({ name: 'outbox_events' })
@Index('ix_outbox_unsent', ['sentAt', 'seq'])
export class OutboxEventEntity {
  /** Insertion order is publication order. */
  @PrimaryGeneratedColumn({ type: 'bigint', name: 'seq' }) seq!: string;
  @Column({ name: 'event_id', type: 'char', length: 36, unique: true }) eventId!: string;
  @Column({ type: 'varchar', length: 200 }) topic!: string;
  @Column({ name: 'partition_key', type: 'varchar', length: 128 }) partitionKey!: string;
  @Column({ type: 'longtext' }) envelope!: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true }) sentAt!: Date | null;
}
