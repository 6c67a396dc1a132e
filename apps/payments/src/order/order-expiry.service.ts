import { Topics } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { PaymentsEnv } from '../config/payments.env';
import { transition } from './domain/order-state';
import type { OrderEntity } from './order.entity';
import { OrderRepository } from './order.repository';

/** Closes pending orders past their expiry time; safe on several replicas at once (SKIP LOCKED). */
@Injectable()
export class OrderExpiryService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly events: EventPublisher,
    private readonly dataSource: DataSource,
    private readonly env: PaymentsEnv,
    private readonly clock: Clock,
  ) {}

  /** One batch; returns how many orders expired. */
  async expireDue(): Promise<number> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (tx) => {
      const due = await this.orders.claimExpired(tx, now, this.env.PAYMENTS_JOB_BATCH_SIZE);
      for (const order of due) await this.expire(tx, order, now, 'job:expiry');
      return due.length;
    });
  }

  /**
   * Expires one pending order the caller holds locked (the job, or a new exam-fee order that must not leave
   * an overdue one payable); false when it is no longer pending.
   */
  async expire(tx: EntityManager, order: OrderEntity, now: Date, actor: string): Promise<boolean> {
    const next = transition(order.status, { type: 'expire' });
    if (!next.ok) return false;
    // Taken to a provider: reconciliation asks once more now, in case it was paid just before expiry.
    Object.assign(order, { status: next.to, updatedAt: now, reconcileAt: order.reconcileAt && now });
    await this.orders.save(tx, order);
    await this.orders.addTransition(tx, {
      orderId: order.id,
      fromStatus: 'pending',
      toStatus: next.to,
      cause: 'expired',
      actor,
      at: now,
    });
    await this.events.stage(tx, Topics.OrderExpired, {
      subjectId: order.id,
      payload: {
        orderId: order.id,
        userId: order.buyerId,
        institutionId: order.institutionId,
        ...(order.registrationId === null ? {} : { registrationId: order.registrationId }),
        expiredAt: now.toISOString(),
      },
    });
    return true;
  }
}
