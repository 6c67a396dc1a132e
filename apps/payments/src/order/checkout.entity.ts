import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { ProviderName } from './order.entity';

/**
 * A provider an order was taken to for payment (one row per provider, the first checkout's time): the
 * reconciliation job asks exactly these providers about the order when its callback does not come.
 */
@Entity({ name: 'payment_checkouts' })
export class CheckoutEntity {
  @PrimaryColumn({ name: 'order_id', type: 'char', length: 36 }) orderId!: string;
  @PrimaryColumn({ type: 'varchar', length: 8 }) provider!: ProviderName;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
}
