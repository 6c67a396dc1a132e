import { Topics } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { PaymentsEnv } from '../config/payments.env';
import type { Checkout, CheckoutMethod } from '../provider/payment-provider';
import { PaymentProviders } from '../provider/payment-providers';
import type { RefundEntity } from '../refund/refund.entity';
import { RefundRepository } from '../refund/refund.repository';
import { isPastExpiry, transition } from './domain/order-state';
import type { OrderEntity, ProviderName } from './order.entity';
import {
  OrderExpiredError,
  OrderNotCancellableError,
  OrderNotFoundError,
  OrderNotPayableError,
  ProviderNotOfferedError,
  ProviderUnavailableError,
} from './order.errors';
import { OrderRepository } from './order.repository';
import type { OrderItemEntity } from './order-item.entity';
import type { OrderTransitionEntity } from './order-transition.entity';

export interface OrderDetail {
  readonly order: OrderEntity;
  readonly items: readonly OrderItemEntity[];
  readonly history: readonly OrderTransitionEntity[];
  readonly refunds: readonly RefundEntity[];
}

const LIST_LIMIT = 200;

/** Reading, cancelling and paying orders: the candidate's own, and an institution's for its staff. */
@Injectable()
export class OrdersService {
  private readonly logger = new Logger(OrdersService.name);

  constructor(
    private readonly orders: OrderRepository,
    private readonly refunds: RefundRepository,
    private readonly providers: PaymentProviders,
    private readonly events: EventPublisher,
    private readonly dataSource: DataSource,
    private readonly env: PaymentsEnv,
    private readonly clock: Clock,
  ) {}

  listMine(buyerId: string): Promise<OrderEntity[]> {
    return this.orders.listForBuyer(buyerId, LIST_LIMIT);
  }

  /** The caller's own order; another buyer's is "not found", never "forbidden" (no probing of ids). */
  async mine(buyerId: string, orderId: string): Promise<OrderEntity> {
    const order = await this.orders.findById(orderId);
    if (order?.buyerId !== buyerId) throw new OrderNotFoundError();
    return order;
  }

  async ofInstitution(institutionId: string, orderId: string): Promise<OrderEntity> {
    const order = await this.orders.findById(orderId);
    if (order?.institutionId !== institutionId) throw new OrderNotFoundError();
    return order;
  }

  listOfInstitution(institutionId: string, status?: string): Promise<OrderEntity[]> {
    return this.orders.listForInstitution(institutionId, status, LIST_LIMIT);
  }

  async detail(order: OrderEntity): Promise<OrderDetail> {
    const [items, history, refunds] = await Promise.all([
      this.orders.itemsOf(order.id),
      this.orders.historyOf(order.id),
      this.refunds.listOfOrder(order.id),
    ]);
    return { order, items, history, refunds };
  }

  /** Cancels a pending product order. Exam fees end with their registration; paid orders are refunded. */
  async cancel(buyerId: string, orderId: string): Promise<OrderEntity> {
    return this.dataSource.transaction(async (tx) => {
      const order = await this.orders.lockById(tx, orderId);
      if (order?.buyerId !== buyerId) throw new OrderNotFoundError();
      const next = transition(order.status, { type: 'cancel' });
      if (!next.ok || order.kind === 'exam_fee') throw new OrderNotCancellableError();
      const now = this.clock.now();
      const from = order.status;
      // A provider it was taken to is asked once more: the buyer may have paid just before cancelling.
      Object.assign(order, { status: next.to, updatedAt: now, reconcileAt: order.reconcileAt && now });
      await this.orders.save(tx, order);
      await this.orders.addTransition(tx, {
        orderId: order.id,
        fromStatus: from,
        toStatus: next.to,
        cause: 'cancelled',
        actor: `user:${buyerId}`,
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
      return order;
    });
  }

  /** Asks the provider for a QR code or pay page for a pending order still within its time. */
  async checkout(
    buyerId: string,
    orderId: string,
    providerName: ProviderName,
    method: CheckoutMethod,
  ): Promise<{ order: OrderEntity; checkout: Checkout }> {
    const order = await this.mine(buyerId, orderId);
    if (order.status !== 'pending') throw new OrderNotPayableError(order.status);
    if (isPastExpiry(order.expiresAt, this.clock.now())) throw new OrderExpiredError();
    const provider = this.providers.get(providerName);
    if (!provider.configured || !provider.methods.includes(method)) throw new ProviderNotOfferedError();
    // Recorded before the call: a trade the provider opened although the answer was lost is still reconciled.
    const now = this.clock.now();
    const reconcileAt = new Date(now.getTime() + this.env.PAYMENTS_RECONCILE_AFTER_SECONDS * 1000);
    await this.dataSource.transaction((tx) =>
      this.orders.recordCheckout(tx, order.id, providerName, now, reconcileAt),
    );
    try {
      const checkout = await provider.checkout({
        outTradeNo: order.outTradeNo,
        description: order.description,
        amountFen: order.amountFen,
        expiresAt: order.expiresAt,
        method,
      });
      return { order, checkout };
    } catch (error: unknown) {
      this.logger.warn(
        `checkout of order ${order.id} at ${providerName} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      throw new ProviderUnavailableError();
    }
  }
}
