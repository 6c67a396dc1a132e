import { EncryptedColumn } from '@exam/crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { OrderStatus } from './domain/order-state';

export const ORDER_KINDS = ['exam_fee', 'product'] as const;
export type OrderKind = (typeof ORDER_KINDS)[number];
export const PROVIDERS = ['wechat', 'alipay'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/**
 * An order: what a candidate owes an institution, in integer fen. The amount is always the server's price.
 * Delivery contact details (materials) are personal data, encrypted at rest and masked in every response.
 */
@Entity({ name: 'payment_orders' })
export class OrderEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  /** The provider's merchant order number (out_trade_no): 32 characters, letters and digits. */
  @Column({ name: 'out_trade_no', type: 'char', length: 32 }) outTradeNo!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ name: 'buyer_id', type: 'char', length: 36 }) buyerId!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: OrderKind;
  @Column({ name: 'registration_id', type: 'char', length: 36, nullable: true }) registrationId!:
    string | null;
  /** The exam an exam-fee order pays for (reports group by it); null for product orders. */
  @Column({ name: 'exam_id', type: 'char', length: 36, nullable: true }) examId!: string | null;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 64, nullable: true }) idempotencyKey!:
    string | null;
  @Column({ type: 'varchar', length: 120 }) description!: string;
  @Column({ name: 'amount_fen', type: 'int', unsigned: true }) amountFen!: number;
  @Column({ type: 'char', length: 3 }) currency!: 'CNY';
  @Column({ type: 'varchar', length: 20 }) status!: OrderStatus;
  @Column({ type: 'varchar', length: 8, nullable: true }) provider!: ProviderName | null;
  @Column({ name: 'provider_trade_no', type: 'varchar', length: 64, nullable: true }) providerTradeNo!:
    string | null;
  @Column({ name: 'paid_fen', type: 'int', unsigned: true }) paidFen!: number;
  /** Refunds requested or settled: what may still be refunded is paid minus this. */
  @Column({ name: 'refund_committed_fen', type: 'int', unsigned: true }) refundCommittedFen!: number;
  @Column({ name: 'refunded_fen', type: 'int', unsigned: true }) refundedFen!: number;
  @EncryptedColumn({ name: 'contact_name', type: 'text', nullable: true }) contactName!: string | null;
  @EncryptedColumn({ name: 'contact_phone', type: 'text', nullable: true }) contactPhone!: string | null;
  @EncryptedColumn({ name: 'contact_address', type: 'text', nullable: true }) contactAddress!: string | null;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 }) expiresAt!: Date;
  @Column({ name: 'paid_at', type: 'datetime', precision: 3, nullable: true }) paidAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
  /** When the reconciliation job next asks the provider about it (set at checkout; null: nothing to ask). */
  @Column({ name: 'reconcile_at', type: 'datetime', precision: 3, nullable: true }) reconcileAt!: Date | null;
  @Column({ name: 'reconcile_attempts', type: 'smallint', unsigned: true, default: 0 })
  reconcileAttempts!: number;
}
