import { Topics } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { PaymentsEnv } from '../config/payments.env';
import { transition } from '../order/domain/order-state';
import { OrderRepository } from '../order/order.repository';
import { PaymentProviders } from '../provider/payment-providers';
import type { RefundEntity } from './refund.entity';
import { RefundRepository } from './refund.repository';

/** How long a submission holds a requested refund before the job may submit it again. */
export const SUBMIT_LEASE_MS = 60_000;

/**
 * Taking refunds to the provider and back: submitted outside any transaction (the providers dedupe on the
 * merchant refund number, so a resubmission is harmless), settled by the provider's answer (Alipay) or its
 * refund callback (WeChat Pay); a settled refund moves the order's status and publishes payments.order.refunded.
 */
@Injectable()
export class RefundSettlementService {
  private readonly logger = new Logger(RefundSettlementService.name);

  constructor(
    private readonly refunds: RefundRepository,
    private readonly orders: OrderRepository,
    private readonly providers: PaymentProviders,
    private readonly events: EventPublisher,
    private readonly dataSource: DataSource,
    private readonly env: PaymentsEnv,
    private readonly clock: Clock,
  ) {}

  /** Submits every requested refund whose lease ran out (the job); replicas claim disjoint rows. */
  async submitDue(): Promise<number> {
    const now = this.clock.now();
    const claimed = await this.dataSource.transaction(async (tx) => {
      const due = await this.refunds.claimDue(tx, now, this.env.PAYMENTS_JOB_BATCH_SIZE);
      for (const refund of due) {
        refund.submitAfter = new Date(now.getTime() + SUBMIT_LEASE_MS);
        await this.refunds.save(tx, refund);
      }
      return due.map((refund) => refund.id);
    });
    for (const id of claimed) await this.submit(id);
    return claimed.length;
  }

  /** Sends one requested refund to its provider and records the answer; a failed call is retried by the job. */
  async submit(refundId: string): Promise<void> {
    const refund = await this.refunds.findById(refundId);
    if (refund?.status !== 'requested') return;
    const order = await this.orders.findById(refund.orderId);
    if (order === null) return;
    let answer;
    try {
      answer = await this.providers.get(refund.provider).refund({
        outTradeNo: order.outTradeNo,
        outRefundNo: refund.outRefundNo,
        totalFen: refund.totalFen,
        refundFen: refund.amountFen,
        reason: refund.reason,
      });
    } catch (error: unknown) {
      this.logger.warn(
        `refund ${refund.id} not submitted (retried later): ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    const settled = answer;
    await this.dataSource.transaction(async (tx) => {
      const locked = await this.refunds.lockById(tx, refundId);
      if (locked?.status !== 'requested') return;
      const now = this.clock.now();
      if (settled.status === 'failed') return this.fail(tx, locked, settled.reason, now);
      if (settled.status === 'succeeded') return this.settle(tx, locked, settled.providerRefundId, now);
      // Settled by the provider's refund callback; if none comes, reconciliation asks the provider.
      Object.assign(locked, {
        status: 'processing',
        providerRefundId: settled.providerRefundId,
        reconcileAt: new Date(now.getTime() + this.env.PAYMENTS_RECONCILE_AFTER_SECONDS * 1000),
      });
      await this.refunds.save(tx, locked);
    });
  }

  /** The provider's refund callback; a repeated one changes nothing. False when no such refund exists. */
  async onRefundNotice(
    tx: EntityManager,
    notice: { outRefundNo: string; providerRefundId: string; succeeded: boolean },
  ): Promise<'settled' | 'duplicate' | 'unknown'> {
    const refund = await this.refunds.lockByOutRefundNo(tx, notice.outRefundNo);
    if (refund === null) return 'unknown';
    if (refund.status === 'succeeded' || refund.status === 'failed') return 'duplicate';
    const now = this.clock.now();
    if (notice.succeeded) await this.settle(tx, refund, notice.providerRefundId, now);
    else await this.fail(tx, refund, 'the provider closed the refund', now);
    return 'settled';
  }

  private async settle(
    tx: EntityManager,
    refund: RefundEntity,
    providerRefundId: string,
    now: Date,
  ): Promise<void> {
    Object.assign(refund, { status: 'succeeded', providerRefundId, settledAt: now, reconcileAt: null });
    await this.refunds.save(tx, refund);
    if (refund.source === 'late_payment') return;
    const order = await this.orders.lockById(tx, refund.orderId);
    if (order === null) return;
    const refundedFen = order.refundedFen + refund.amountFen;
    const next = transition(order.status, { type: 'refund', paidFen: order.paidFen, refundedFen });
    if (!next.ok) {
      this.logger.error(`refund ${refund.id} settled but order ${order.id} refuses it: ${next.reason}`);
      return;
    }
    const from = order.status;
    Object.assign(order, { status: next.to, refundedFen, updatedAt: now });
    await this.orders.save(tx, order);
    await this.orders.addTransition(tx, {
      orderId: order.id,
      fromStatus: from,
      toStatus: next.to,
      cause: 'refund',
      actor: `provider:${refund.provider}`,
      note: `refund ${refund.id}: ${refund.amountFen} fen`,
      at: now,
    });
    await this.events.stage(tx, Topics.OrderRefunded, {
      subjectId: order.id,
      payload: {
        orderId: order.id,
        refundId: refund.id,
        userId: order.buyerId,
        institutionId: order.institutionId,
        ...(order.registrationId === null ? {} : { registrationId: order.registrationId }),
        amountFen: refund.amountFen,
        refundedTotalFen: refundedFen,
        fullyRefunded: next.to === 'refunded',
        currency: 'CNY',
      },
    });
  }

  private async fail(tx: EntityManager, refund: RefundEntity, reason: string, now: Date): Promise<void> {
    Object.assign(refund, {
      status: 'failed',
      failure: reason.slice(0, 200),
      settledAt: now,
      reconcileAt: null,
    });
    await this.refunds.save(tx, refund);
    if (refund.source === 'late_payment') return;
    const order = await this.orders.lockById(tx, refund.orderId);
    if (order === null) return;
    Object.assign(order, { refundCommittedFen: order.refundCommittedFen - refund.amountFen, updatedAt: now });
    await this.orders.save(tx, order);
  }
}
