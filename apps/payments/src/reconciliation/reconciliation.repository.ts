import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, Repository } from 'typeorm';

import { CheckoutEntity } from '../order/checkout.entity';
import type { OrderStatus } from '../order/domain/order-state';
import { OrderEntity, type ProviderName } from '../order/order.entity';
import { RefundEntity } from '../refund/refund.entity';

/** An order claimed for a query: what the job needs to ask its providers. */
export interface ClaimedOrder {
  readonly id: string;
  readonly outTradeNo: string;
  readonly status: OrderStatus;
  readonly attempts: number;
}

/** A processing refund claimed for a query. */
export interface ClaimedRefund {
  readonly id: string;
  readonly outRefundNo: string;
  readonly orderId: string;
  readonly provider: ProviderName;
  readonly attempts: number;
}

/** Statuses in which an order may still have money at a provider that the platform has not recorded. */
const RECONCILABLE: readonly OrderStatus[] = ['pending', 'expired', 'cancelled'];

/**
 * The reconciliation schedule kept on orders and refunds (`reconcile_at`, `reconcile_attempts`): claiming
 * due rows past other replicas' locks (SKIP LOCKED) under a lease, and setting when to ask next.
 */
@Injectable()
export class ReconciliationRepository {
  constructor(
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
    @InjectRepository(RefundEntity) private readonly refunds: Repository<RefundEntity>,
    @InjectRepository(CheckoutEntity) private readonly checkouts: Repository<CheckoutEntity>,
  ) {}

  /** Due orders, locked (SKIP LOCKED via the query builder) and leased until `leaseUntil`, attempts counted. */
  async claimOrders(tx: EntityManager, now: Date, leaseUntil: Date, limit: number): Promise<ClaimedOrder[]> {
    const due = await tx
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .where('o.status IN (:...statuses)', { statuses: RECONCILABLE })
      .andWhere('o.reconcile_at <= :now', { now })
      .orderBy('o.reconcile_at', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    if (due.length === 0) return [];
    await tx
      .getRepository(OrderEntity)
      .createQueryBuilder()
      .update()
      .set({ reconcileAt: leaseUntil, reconcileAttempts: () => 'reconcile_attempts + 1' })
      .where({ id: In(due.map((order) => order.id)) })
      .execute();
    return due.map((order) => ({
      id: order.id,
      outTradeNo: order.outTradeNo,
      status: order.status,
      attempts: order.reconcileAttempts + 1,
    }));
  }

  /** Processing refunds due for a query, claimed the same way. */
  async claimRefunds(
    tx: EntityManager,
    now: Date,
    leaseUntil: Date,
    limit: number,
  ): Promise<ClaimedRefund[]> {
    const due = await tx
      .getRepository(RefundEntity)
      .createQueryBuilder('r')
      .where("r.status = 'processing'")
      .andWhere('r.reconcile_at <= :now', { now })
      .orderBy('r.reconcile_at', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    if (due.length === 0) return [];
    await tx
      .getRepository(RefundEntity)
      .createQueryBuilder()
      .update()
      .set({ reconcileAt: leaseUntil, reconcileAttempts: () => 'reconcile_attempts + 1' })
      .where({ id: In(due.map((refund) => refund.id)) })
      .execute();
    return due.map((refund) => ({
      id: refund.id,
      outRefundNo: refund.outRefundNo,
      orderId: refund.orderId,
      provider: refund.provider,
      attempts: refund.reconcileAttempts + 1,
    }));
  }

  /** The providers each order was taken to. */
  async providersOf(orderIds: readonly string[]): Promise<Map<string, ProviderName[]>> {
    const byOrder = new Map<string, ProviderName[]>();
    if (orderIds.length === 0) return byOrder;
    const rows = await this.checkouts.find({ where: { orderId: In([...orderIds]) } });
    for (const row of rows) byOrder.set(row.orderId, [...(byOrder.get(row.orderId) ?? []), row.provider]);
    return byOrder;
  }

  outTradeNoOf(orderId: string): Promise<string | undefined> {
    return this.orders.findOneBy({ id: orderId }).then((order) => order?.outTradeNo);
  }

  /**
   * When to ask about the order next (null: never again). Only an order still in a reconcilable status:
   * one a callback paid meanwhile keeps the null the payment set.
   */
  async rescheduleOrder(orderId: string, at: Date | null): Promise<void> {
    await this.orders.update({ id: orderId, status: In([...RECONCILABLE]) }, { reconcileAt: at });
  }

  async rescheduleRefund(refundId: string, at: Date | null): Promise<void> {
    await this.refunds.update({ id: refundId, status: 'processing' }, { reconcileAt: at });
  }
}
