import { Clock } from '@exam/platform';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { refundableFen } from '../order/domain/money';
import { transition } from '../order/domain/order-state';
import type { OrderEntity, ProviderName } from '../order/order.entity';
import { OrderNotFoundError } from '../order/order.errors';
import { OrderRepository } from '../order/order.repository';
import { newMerchantId } from '../order/order-ids';
import { PaymentSettingsService } from '../settings/payment-settings.service';
import { StaffActionRecorder } from '../staff-audit/staff-action-recorder.service';
import { needsApproval } from './domain/refund-approval.policy';
import { RefundEntity, type RefundSource } from './refund.entity';
import {
  RefundExceedsPaidError,
  RefundIdempotencyConflictError,
  RefundNotRefundableError,
} from './refund.errors';
import { RefundRepository } from './refund.repository';
import { RefundSettlementService, SUBMIT_LEASE_MS } from './refund-settlement.service';

export interface RefundInput {
  readonly amountFen: number;
  readonly reason: string;
  readonly idempotencyKey: string;
}

/**
 * Asking for refunds: by staff, by exam (a cancelled paid registration) or for a payment that reached a closed
 * order. What may be refunded is checked under the order lock; RefundSettlementService takes them to the provider.
 */
@Injectable()
export class RefundRequestsService {
  private readonly logger = new Logger(RefundRequestsService.name);

  constructor(
    private readonly refunds: RefundRepository,
    private readonly orders: OrderRepository,
    private readonly settlement: RefundSettlementService,
    private readonly settings: PaymentSettingsService,
    private readonly staffActions: StaffActionRecorder,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Staff refund of (part of) a paid order of their institution; the same key twice is one refund. Past the
   * institution's approval threshold it waits, reserved, as `pending_approval` for another org_admin.
   */
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
      const { refundApprovalThresholdFen } = await this.settings.of(institutionId, tx);
      const { refund: asked, created } = await this.create(
        tx,
        order,
        { ...input, source: 'staff', requestedBy: `user:${staffId}` },
        now,
        SUBMIT_LEASE_MS,
        refundApprovalThresholdFen,
      );
      // The same idempotency key again is the same request: audited once.
      if (created)
        await this.staffActions.record(tx, {
          action: 'refund_requested',
          institutionId,
          staffUserId: staffId,
          subjectId: asked.id,
          amountFen: asked.amountFen,
          reason: asked.reason,
        });
      return asked;
    });
    if (refund.status === 'requested') await this.settlement.submit(refund.id);
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
        decidedBy: null,
        decidedAt: null,
        decisionReason: null,
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
    approvalThresholdFen: number | null = null,
  ): Promise<{ refund: RefundEntity; created: boolean }> {
    const existing = await this.refunds.findByKey(tx, order.id, input.idempotencyKey);
    if (existing !== null) {
      if (existing.amountFen !== input.amountFen) throw new RefundIdempotencyConflictError();
      return { refund: existing, created: false };
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
    const awaitsApproval = needsApproval(approvalThresholdFen, order.refundCommittedFen, input.amountFen);
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
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
      status: awaitsApproval ? 'pending_approval' : 'requested',
      providerRefundId: null,
      failure: null,
      submitAfter: new Date(now.getTime() + leaseMs),
      createdAt: now,
      settledAt: null,
    });
    await this.refunds.insert(tx, refund);
    // A refund awaiting approval is reserved too: approving it can never take the total past what was paid.
    Object.assign(order, { refundCommittedFen: order.refundCommittedFen + input.amountFen, updatedAt: now });
    await this.orders.save(tx, order);
    if (awaitsApproval)
      await this.orders.addTransition(tx, {
        orderId: order.id,
        fromStatus: order.status,
        toStatus: order.status,
        cause: 'refund_approval_requested',
        actor: input.requestedBy,
        note: `refund ${refund.id}: ${refund.amountFen} fen awaits approval`,
        at: now,
      });
    return { refund, created: true };
  }
}
