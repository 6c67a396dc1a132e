import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { ProviderName } from '../order/order.entity';
import type { MismatchKind } from './domain/statement-comparison';

export const MISMATCH_STATUSES = ['open', 'resolved'] as const;
export type MismatchStatus = (typeof MISMATCH_STATUSES)[number];

/**
 * A difference between a provider's statement and the platform's records. Unique per provider, day, kind and
 * reference: re-running a day updates the row (a resolution stays), never adds a second one.
 */
@Entity({ name: 'payment_statement_mismatches' })
export class StatementMismatchEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'run_id', type: 'char', length: 36 }) runId!: string;
  @Column({ type: 'varchar', length: 8 }) provider!: ProviderName;
  @Column({ name: 'statement_date', type: 'char', length: 10 }) statementDate!: string;
  @Column({ type: 'varchar', length: 32 }) kind!: MismatchKind;
  @Column({ type: 'varchar', length: 64 }) reference!: string;
  @Column({ name: 'out_trade_no', type: 'varchar', length: 64 }) outTradeNo!: string;
  @Column({ name: 'provider_trade_no', type: 'varchar', length: 64, nullable: true }) providerTradeNo!:
    string | null;
  @Column({ name: 'out_refund_no', type: 'varchar', length: 64, nullable: true }) outRefundNo!: string | null;
  @Column({ name: 'order_id', type: 'char', length: 36, nullable: true }) orderId!: string | null;
  /** Null for a provider trade that matches no order: only platform staff see it. */
  @Column({ name: 'institution_id', type: 'char', length: 36, nullable: true }) institutionId!: string | null;
  @Column({ name: 'platform_amount_fen', type: 'int', nullable: true }) platformAmountFen!: number | null;
  @Column({ name: 'provider_amount_fen', type: 'int', nullable: true }) providerAmountFen!: number | null;
  @Column({ name: 'platform_status', type: 'varchar', length: 32, nullable: true }) platformStatus!:
    string | null;
  @Column({ name: 'provider_status', type: 'varchar', length: 32, nullable: true }) providerStatus!:
    string | null;
  @Column({ type: 'varchar', length: 10 }) status!: MismatchStatus;
  @Column({ name: 'resolution_note', type: 'varchar', length: 500, nullable: true }) resolutionNote!:
    string | null;
  @Column({ name: 'resolved_by', type: 'varchar', length: 64, nullable: true }) resolvedBy!: string | null;
  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true }) resolvedAt!: Date | null;
  @Column({ name: 'detected_at', type: 'datetime', precision: 3 }) detectedAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
