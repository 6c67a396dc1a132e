import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { OrderRepository } from '../order/order.repository';
import { StaffActionRecorder } from '../staff-audit/staff-action-recorder.service';
import { decide, type RefundDecision } from './domain/refund-approval.policy';
import type { RefundEntity } from './refund.entity';
import {
  RefundAlreadyDecidedError,
  RefundApprovalNotFoundError,
  RefundNotAwaitingApprovalError,
  RefundOwnRequestError,
} from './refund.errors';
import { RefundRepository } from './refund.repository';
import { RefundSettlementService, SUBMIT_LEASE_MS } from './refund-settlement.service';

/** How many refunds awaiting approval one listing returns. */
const AWAITING_LIMIT = 200;

/**
 * An org_admin other than the requester approves a staff refund that awaits approval (it then goes to the
 * provider as any refund) or rejects it with a reason (its reservation on the order is released). Decisions
 * take the refund's row lock: two approvals submit once, and of an approval and a rejection one wins.
 */
@Injectable()
export class RefundApprovalService {
  constructor(
    private readonly refunds: RefundRepository,
    private readonly orders: OrderRepository,
    private readonly settlement: RefundSettlementService,
    private readonly staffActions: StaffActionRecorder,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  awaiting(institutionId: string): Promise<RefundEntity[]> {
    return this.refunds.listOfInstitution(institutionId, 'pending_approval', AWAITING_LIMIT);
  }

  async get(institutionId: string, refundId: string): Promise<RefundEntity> {
    const refund = await this.refunds.findById(refundId);
    if (refund?.institutionId !== institutionId) throw new RefundApprovalNotFoundError();
    return refund;
  }

  async approve(institutionId: string, refundId: string, adminId: string): Promise<RefundEntity> {
    const applied = await this.dataSource.transaction(async (tx) => {
      const { refund, apply } = await this.lockForDecision(tx, institutionId, refundId, adminId, 'approve');
      if (!apply) return false;
      const now = this.clock.now();
      // The lease keeps the job off it while this request submits it right after the commit.
      Object.assign(refund, {
        status: 'requested',
        decidedBy: `user:${adminId}`,
        decidedAt: now,
        submitAfter: new Date(now.getTime() + SUBMIT_LEASE_MS),
      });
      await this.refunds.save(tx, refund);
      await this.record(
        tx,
        refund,
        'refund_approved',
        `refund ${refund.id}: ${refund.amountFen} fen approved`,
        now,
      );
      await this.staffActions.record(tx, {
        action: 'refund_approved',
        institutionId,
        staffUserId: adminId,
        subjectId: refund.id,
        amountFen: refund.amountFen,
      });
      return true;
    });
    if (applied) await this.settlement.submit(refundId);
    return this.get(institutionId, refundId);
  }

  async reject(
    institutionId: string,
    refundId: string,
    adminId: string,
    reason: string,
  ): Promise<RefundEntity> {
    await this.dataSource.transaction(async (tx) => {
      const { refund, apply } = await this.lockForDecision(tx, institutionId, refundId, adminId, 'reject');
      if (!apply) return;
      const now = this.clock.now();
      Object.assign(refund, {
        status: 'rejected',
        decidedBy: `user:${adminId}`,
        decidedAt: now,
        decisionReason: reason,
      });
      await this.refunds.save(tx, refund);
      // Refund row, then order row: the order in which settlement locks them too.
      const order = await this.orders.lockById(tx, refund.orderId);
      if (order !== null) {
        Object.assign(order, {
          refundCommittedFen: order.refundCommittedFen - refund.amountFen,
          updatedAt: now,
        });
        await this.orders.save(tx, order);
      }
      await this.record(tx, refund, 'refund_rejected', `refund ${refund.id} rejected: ${reason}`, now);
      await this.staffActions.record(tx, {
        action: 'refund_rejected',
        institutionId,
        staffUserId: adminId,
        subjectId: refund.id,
        amountFen: refund.amountFen,
        reason,
      });
    });
    return this.get(institutionId, refundId);
  }

  private async lockForDecision(
    tx: EntityManager,
    institutionId: string,
    refundId: string,
    adminId: string,
    decision: RefundDecision,
  ): Promise<{ refund: RefundEntity; apply: boolean }> {
    const refund = await this.refunds.lockById(tx, refundId);
    if (refund?.institutionId !== institutionId) throw new RefundApprovalNotFoundError();
    const outcome = decide(refund, decision, `user:${adminId}`);
    if (outcome.ok) return { refund, apply: outcome.apply };
    switch (outcome.reason) {
      case 'own_request':
        throw new RefundOwnRequestError();
      case 'decided_otherwise':
        throw new RefundAlreadyDecidedError(refund.status);
      case 'not_awaiting_approval':
        throw new RefundNotAwaitingApprovalError();
    }
  }

  private async record(
    tx: EntityManager,
    refund: RefundEntity,
    cause: string,
    note: string,
    now: Date,
  ): Promise<void> {
    const order = await this.orders.findById(refund.orderId);
    const status = order?.status ?? 'paid';
    await this.orders.addTransition(tx, {
      orderId: refund.orderId,
      fromStatus: status,
      toStatus: status,
      cause,
      actor: refund.decidedBy ?? 'unknown',
      note: note.slice(0, 200),
      at: now,
    });
  }
}
