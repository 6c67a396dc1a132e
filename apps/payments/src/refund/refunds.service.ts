import { Topics } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { PaymentsEnv } from '../config/payments.env';
import { refundableFen } from '../order/domain/money';
import { transition } from '../order/domain/order-state';
import type { OrderEntity, ProviderName } from '../order/order.entity';
import { OrderNotFoundError } from '../order/order.errors';
import { OrderRepository } from '../order/order.repository';
import { newMerchantId } from '../order/order-ids';
import { PaymentProviders } from '../provider/payment-providers';
import { RefundEntity, type RefundSource } from './refund.entity';
import {
  RefundExceedsPaidError,
  RefundIdempotencyConflictError,
  RefundNotRefundableError,
} from './refund.errors';
import { RefundRepository } from './refund.repository';

export interface RefundInput {
  readonly amountFen: number;
  readonly reason: string;
  readonly idempotencyKey: string;
}

/** How long a submission holds a requested refund before the job may submit it again. */
const SUBMIT_LEASE_MS = 60_000;

/**
 * Refunds: requested by staff, by exam (a cancelled paid registration) or for a payment that reached a closed
 * order; submitted to the provider outside any transaction (the provider dedupes on out_refund_no, so a
 * resubmission is harmless); settled by the provider's answer or refund callback.
 */
@Injectable()
export class RefundsService {
  private readonly logger = new Logger(RefundsService.name);

  constructor(
    private readonly refunds: RefundRepository,
    private readonly orders: OrderRepository,
    private readonly providers: PaymentProviders,
    private readonly events: EventPublisher,
    private readonly dataSource: DataSource,
    private readonly env: PaymentsEnv,
    private readonly clock: Clock,
  ) {}

  /** Staff refund of (part of) a paid order of their institution; the same key twice is one refund. */
  async requestByStaff(
    institutionId: string,
    orderId: string,
    staffId: string,
    input: RefundInput,
  ): Promise<RefundEntity> {
    const now = this.clock.now();
    const refund = await this.dataSource.transaction(async (tx) => {
      const order = await this.orders.lockById(tx, orderId);
      if (order?.institutionId !== institutionId) throw new OrderNotFoundError();
      return this.create(tx, order, { ...input, source: 'staff', requestedBy: `user:${staffId}` }, now);
    });
    if (refund.status === 'requested') await this.submit(refund.id);
    return (await this.refunds.findById(refund.id)) ?? refund;
  }

  /** exam.refund.requested: refunds what exam says was paid for the registration, at most what is left. */
  async requestFromExam(
    tx: EntityManager,
    event: { registrationId: string; orderId: string; userId: string; amountFen: number },
  ): Promise<void> {
    const order = await this.orders.lockById(tx, event.orderId);
    if (order === null || order.buyerId !== event.userId || order.registrationId !== event.registrationId) {
      this.logger.warn(
        `refund request for order ${event.orderId} does not match an order of that registration`,
      );
      return;
    }
    const left = refundableFen(order.paidFen, order.refundCommittedFen);
    const amountFen = Math.min(event.amountFen, left);
    const key = `exam:${event.registrationId}`;
    const existing = await this.refunds.findByKey(tx, order.id, key);
    if (existing !== null) return;
    if (amountFen <= 0 || !transition(order.status, { type: 'refund', paidFen: 1, refundedFen: 0 }).ok) {
      this.logger.warn(`refund request for order ${order.id} (${order.status}): nothing left to refund`);
      return;
    }
    await this.create(
      tx,
      order,
      {
        amountFen,
        reason: 'Exam registration cancelled',
        idempotencyKey: key,
        source: 'exam',
        requestedBy: 'service:exam',
      },
      this.clock.now(),
      0,
    );
  }

  /** A payment that reached a closed (or already paid) order goes straight back; the job submits it. */
  async startLateRefund(
    tx: EntityManager,
    order: OrderEntity,
    payment: { provider: ProviderName; providerTradeNo: string; amountFen: number },
    now: Date,
  ): Promise<void> {
    const { id, merchantNo } = newMerchantId();
    await this.refunds.insert(
      tx,
      Object.assign(new RefundEntity(), {
        id,
        outRefundNo: merchantNo,
        orderId: order.id,
        institutionId: order.institutionId,
        idempotencyKey: `late:${payment.provider}:${payment.providerTradeNo}`.slice(0, 80),
        provider: payment.provider,
        totalFen: payment.amountFen,
        amountFen: payment.amountFen,
        reason: `Payment arrived for a ${order.status} order`,
        source: 'late_payment',
        requestedBy: `provider:${payment.provider}`,
        status: 'requested',
        providerRefundId: null,
        failure: null,
        submitAfter: now,
        createdAt: now,
        settledAt: null,
      }),
    );
  }

  private async create(
    tx: EntityManager,
    order: OrderEntity,
    input: RefundInput & { source: RefundSource; requestedBy: string },
    now: Date,
    leaseMs = SUBMIT_LEASE_MS,
  ): Promise<RefundEntity> {
    const existing = await this.refunds.findByKey(tx, order.id, input.idempotencyKey);
    if (existing !== null) {
      if (existing.amountFen !== input.amountFen) throw new RefundIdempotencyConflictError();
      return existing;
    }
    const next = transition(order.status, {
      type: 'refund',
      paidFen: order.paidFen,
      refundedFen: order.refundCommittedFen + input.amountFen,
    });
    if (!next.ok) {
      if (next.reason === 'refund_exceeds_paid')
        throw new RefundExceedsPaidError(refundableFen(order.paidFen, order.refundCommittedFen));
      throw new RefundNotRefundableError();
    }
    if (order.provider === null) throw new RefundNotRefundableError();
    const { id, merchantNo } = newMerchantId();
    const refund = Object.assign(new RefundEntity(), {
      id,
      outRefundNo: merchantNo,
      orderId: order.id,
      institutionId: order.institutionId,
      idempotencyKey: input.idempotencyKey,
      provider: order.provider,
      totalFen: order.paidFen,
      amountFen: input.amountFen,
      reason: input.reason,
      source: input.source,
      requestedBy: input.requestedBy,
      status: 'requested',
      providerRefundId: null,
      failure: null,
      submitAfter: new Date(now.getTime() + leaseMs),
      createdAt: now,
      settledAt: null,
    });
    await this.refunds.insert(tx, refund);
    Object.assign(order, { refundCommittedFen: order.refundCommittedFen + input.amountFen, updatedAt: now });
    await this.orders.save(tx, order);
    return refund;
  }

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
      Object.assign(locked, { status: 'processing', providerRefundId: settled.providerRefundId });
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
    Object.assign(refund, { status: 'succeeded', providerRefundId, settledAt: now });
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
    Object.assign(refund, { status: 'failed', failure: reason.slice(0, 200), settledAt: now });
    await this.refunds.save(tx, refund);
    if (refund.source === 'late_payment') return;
    const order = await this.orders.lockById(tx, refund.orderId);
    if (order === null) return;
    Object.assign(order, { refundCommittedFen: order.refundCommittedFen - refund.amountFen, updatedAt: now });
    await this.orders.save(tx, order);
  }
}
