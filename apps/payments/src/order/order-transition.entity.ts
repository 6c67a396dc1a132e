import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Every change of an order's status (and late payments on closed orders), append-only. */
@Entity({ name: 'payment_order_transitions' })
export class OrderTransitionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ name: 'order_id', type: 'char', length: 36 }) orderId!: string;
  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true }) fromStatus!: string | null;
  @Column({ name: 'to_status', type: 'varchar', length: 20 }) toStatus!: string;
  /** created, paid, cancelled, expired, refund, late_payment. */
  @Column({ type: 'varchar', length: 32 }) cause!: string;
  /** Who: `user:<id>`, `provider:wechat`, `service:exam`, `job:expiry`. */
  @Column({ type: 'varchar', length: 64 }) actor!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) note!: string | null;
  @Column({ type: 'datetime', precision: 3 }) at!: Date;
}
