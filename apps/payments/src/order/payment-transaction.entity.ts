import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A payment the provider reported, once per provider transaction id (the unique key makes a repeated or
 * reordered callback a no-op). Kept even for closed orders, whose money is then refunded.
 */
@Entity({ name: 'payment_transactions' })
export class PaymentTransactionEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'order_id', type: 'char', length: 36 }) orderId!: string;
  @Column({ type: 'varchar', length: 8 }) provider!: 'wechat' | 'alipay';
  @Column({ name: 'provider_trade_no', type: 'varchar', length: 64 }) providerTradeNo!: string;
  @Column({ name: 'amount_fen', type: 'int', unsigned: true }) amountFen!: number;
  @Column({ type: 'char', length: 3 }) currency!: string;
  /** applied (paid the order) or late (the order was closed; refunded). */
  @Column({ type: 'varchar', length: 8 }) outcome!: 'applied' | 'late';
  /** Bank type or fund channel only (the card data rule: no card number, at most its last four digits). */
  @Column({ name: 'payer_channel', type: 'varchar', length: 32, nullable: true }) payerChannel!:
    string | null;
  @Column({ name: 'paid_at', type: 'datetime', precision: 3 }) paidAt!: Date;
  @Column({ name: 'received_at', type: 'datetime', precision: 3 }) receivedAt!: Date;
}
