import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { ProviderName } from '../order/order.entity';

export const RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * The comparison of one provider's statement of one merchant day: one row per provider and day (unique), so
 * replicas claim it once. `leaseUntil` is how long a running claim holds, and when a failed run may retry.
 */
@Entity({ name: 'payment_statement_runs' })
export class StatementRunEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ type: 'varchar', length: 8 }) provider!: ProviderName;
  /** The merchant day (Asia/Shanghai) as YYYY-MM-DD: text, so no time zone can shift it. */
  @Column({ name: 'statement_date', type: 'char', length: 10 }) statementDate!: string;
  @Column({ type: 'varchar', length: 12 }) status!: RunStatus;
  /** `job`, or the platform staff member who asked for it. */
  @Column({ name: 'triggered_by', type: 'varchar', length: 64 }) triggeredBy!: string;
  @Column({ name: 'lease_until', type: 'datetime', precision: 3 }) leaseUntil!: Date;
  @Column({ name: 'started_at', type: 'datetime', precision: 3 }) startedAt!: Date;
  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true }) finishedAt!: Date | null;
  @Column({ name: 'payments_count', type: 'int', unsigned: true }) paymentsCount!: number;
  @Column({ name: 'refunds_count', type: 'int', unsigned: true }) refundsCount!: number;
  @Column({ name: 'mismatches_count', type: 'int', unsigned: true }) mismatchesCount!: number;
  @Column({ type: 'varchar', length: 300, nullable: true }) failure!: string | null;
}
