import { Column, Entity, PrimaryColumn } from 'typeorm';

export const REFUND_STATUSES = [
  'pending_approval',
  'rejected',
  'requested',
  'processing',
  'succeeded',
  'failed',
] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];
export const REFUND_SOURCES = ['staff', 'exam', 'late_payment'] as const;
export type RefundSource = (typeof REFUND_SOURCES)[number];

/**
 * A refund of (part of) an order. `requested` rows are submitted to the provider by the service right away
 * and by the job until the provider took them; the provider's refund callback (WeChat) or answer (Alipay)
 * settles them. `idempotencyKey` is unique per order: the same request twice is one refund. A staff refund over
 * the institution's approval threshold waits as `pending_approval` (its amount reserved on the order, nothing
 * sent to the provider) until an org_admin other than the requester approves it (`requested`) or rejects it.
 */
@Entity({ name: 'payment_refunds' })
export class RefundEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  /** out_refund_no / out_request_no at the provider. */
  @Column({ name: 'out_refund_no', type: 'char', length: 32 }) outRefundNo!: string;
  @Column({ name: 'order_id', type: 'char', length: 36 }) orderId!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 80 }) idempotencyKey!: string;
  /** Where the money went in: the order's provider, or the one a late or second payment came through. */
  @Column({ type: 'varchar', length: 8 }) provider!: 'wechat' | 'alipay';
  /** The payment being refunded (the provider checks the refund against it). */
  @Column({ name: 'total_fen', type: 'int', unsigned: true }) totalFen!: number;
  @Column({ name: 'amount_fen', type: 'int', unsigned: true }) amountFen!: number;
  @Column({ type: 'varchar', length: 200 }) reason!: string;
  @Column({ type: 'varchar', length: 16 }) source!: RefundSource;
  @Column({ name: 'requested_by', type: 'varchar', length: 64 }) requestedBy!: string;
  /** Who approved or rejected a refund that needed approval (`user:<id>`), when and (rejections) why. */
  @Column({ name: 'decided_by', type: 'varchar', length: 64, nullable: true }) decidedBy!: string | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decision_reason', type: 'varchar', length: 200, nullable: true }) decisionReason!:
    string | null;
  @Column({ type: 'varchar', length: 20 }) status!: RefundStatus;
  @Column({ name: 'provider_refund_id', type: 'varchar', length: 64, nullable: true }) providerRefundId!:
    string | null;
  /** Why the provider refused, for staff. */
  @Column({ name: 'failure', type: 'varchar', length: 200, nullable: true }) failure!: string | null;
  /** When the job may (re)submit a requested refund: a lease, so replicas do not submit it together. */
  @Column({ name: 'submit_after', type: 'datetime', precision: 3 }) submitAfter!: Date;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'settled_at', type: 'datetime', precision: 3, nullable: true }) settledAt!: Date | null;
  /** When the reconciliation job next asks the provider about a processing refund (its callback never came). */
  @Column({ name: 'reconcile_at', type: 'datetime', precision: 3, nullable: true }) reconcileAt!: Date | null;
  @Column({ name: 'reconcile_attempts', type: 'smallint', unsigned: true, default: 0 })
  reconcileAttempts!: number;
}
