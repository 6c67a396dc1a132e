import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { isPastExpiry } from './domain/order-state';
import type { OrderEntity } from './order.entity';
import {
  OrderAlreadyPaidError,
  OrderAlreadyPendingError,
  OrderIdempotencyConflictError,
  RegistrationClosedError,
  RegistrationNotFoundError,
} from './order.errors';
import { OrderRepository } from './order.repository';
import { OrderExpiryService } from './order-expiry.service';
import { OrderPlacementService } from './order-placement.service';
import { PaymentRegistrationRepository } from './payment-registration.repository';

/**
 * A new exam-fee order for a registration whose order expired (it stays pending payment at exam). The amount
 * is the fee recorded from exam.registration.created; the registration row is locked, so parallel requests
 * cannot open two orders, and the client's key makes a repeated request return the same order.
 */
@Injectable()
export class ExamFeeReorderService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly registrations: PaymentRegistrationRepository,
    private readonly placement: OrderPlacementService,
    private readonly expiry: OrderExpiryService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async reorder(buyerId: string, registrationId: string, idempotencyKey: string): Promise<OrderEntity> {
    return this.dataSource.transaction(async (tx) => {
      const registration = await this.registrations.lock(tx, registrationId);
      if (registration?.buyerId !== buyerId) throw new RegistrationNotFoundError();
      const same = await this.sameRequest(tx, buyerId, registrationId, idempotencyKey);
      if (same !== null) return same;
      if (registration.status === 'cancelled') throw new RegistrationClosedError();
      const now = this.clock.now();
      for (const order of await this.orders.lockByRegistration(tx, registrationId)) {
        if (order.status === 'pending' && isPastExpiry(order.expiresAt, now))
          // Overdue but not yet closed by the job: closed now, so no callback can pay it beside the new one.
          await this.expiry.expire(tx, order, now, `user:${buyerId}`);
        else if (order.status === 'pending') throw new OrderAlreadyPendingError(order.id);
        else if (order.status !== 'expired' && order.status !== 'cancelled')
          throw new OrderAlreadyPaidError(order.id);
      }
      return this.placement.insertExamFeeOrder(tx, {
        registrationId,
        examId: registration.examId,
        buyerId,
        institutionId: registration.institutionId,
        feeFen: registration.feeFen,
        idempotencyKey,
        actor: `user:${buyerId}`,
      });
    });
  }

  private async sameRequest(
    tx: EntityManager,
    buyerId: string,
    registrationId: string,
    idempotencyKey: string,
  ): Promise<OrderEntity | null> {
    const existing = await this.orders.findByIdempotencyKeyIn(tx, buyerId, idempotencyKey);
    if (existing === null) return null;
    if (existing.registrationId !== registrationId) throw new OrderIdempotencyConflictError();
    return existing;
  }
}
