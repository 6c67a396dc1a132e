import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CALLBACK_OUTCOMES = [
  'applied',
  'duplicate',
  'late_refunded',
  'refund_settled',
  'bad_signature',
  'stale',
  'malformed',
  'unknown_order',
  'mismatch',
] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/**
 * Every provider callback that reached the service and what became of it, refused ones included (a forged
 * signature is evidence), and every payment or refund the reconciliation job found by querying the provider.
 * Holds the provider's ids and amounts, never payer details.
 */
@Entity({ name: 'payment_callbacks' })
export class CallbackRecordEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id!: string;
  @Column({ type: 'varchar', length: 8 }) provider!: 'wechat' | 'alipay';
  /** query: what the reconciliation job learnt by asking the provider (a trade or refund query), not a callback. */
  @Column({ type: 'varchar', length: 8 }) kind!: 'payment' | 'refund' | 'unknown' | 'query';
  @Column({ type: 'varchar', length: 16 }) outcome!: CallbackOutcome;
  @Column({ name: 'out_trade_no', type: 'varchar', length: 64, nullable: true }) outTradeNo!: string | null;
  @Column({ name: 'provider_ref', type: 'varchar', length: 64, nullable: true }) providerRef!: string | null;
  @Column({ name: 'amount_fen', type: 'int', unsigned: true, nullable: true }) amountFen!: number | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) detail!: string | null;
  @Column({ name: 'received_at', type: 'datetime', precision: 3 }) receivedAt!: Date;
}
