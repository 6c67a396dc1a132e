import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An event this consumer group has already applied; inserted in the handler's transaction. */
@Entity({ name: 'inbox_events' })
export class InboxEventEntity {
  @PrimaryColumn({ name: 'consumer_group', type: 'varchar', length: 100 }) consumerGroup!: string;
  @PrimaryColumn({ name: 'event_id', type: 'char', length: 36 }) eventId!: string;
  @Column({ type: 'varchar', length: 200 }) topic!: string;
  @Column({ name: 'processed_at', type: 'datetime', precision: 3 }) processedAt!: Date;
}
