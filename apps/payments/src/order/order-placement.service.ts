import { Clock } from '@exam/platform';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { PaymentsEnv } from '../config/payments.env';
import { ProductNotFoundError, ProductNotListedError } from '../product/product.errors';
import { ProductRepository } from '../product/product.repository';
import { CURRENCY, totalFen } from './domain/money';
import { OrderEntity } from './order.entity';
import { OrderIdempotencyConflictError, ShippingContactRequiredError } from './order.errors';
import { OrderRepository } from './order.repository';
import { newMerchantId } from './order-ids';
import { OrderItemEntity } from './order-item.entity';
import { PaymentRegistrationEntity } from './payment-registration.entity';
import { PaymentRegistrationRepository } from './payment-registration.repository';

export interface ProductOrderInput {
  readonly productId: string;
  readonly quantity: number;
  readonly idempotencyKey: string;
  readonly contact?: { readonly name: string; readonly phone: string; readonly address: string };
}

export interface RegistrationCreated {
  readonly registrationId: string;
  readonly examId: string;
  readonly userId: string;
  readonly institutionId: string;
  readonly feeRequired: boolean;
  readonly feeFen?: number;
}

export interface RegistrationCancelled {
  readonly registrationId: string;
  readonly examId: string;
  readonly userId: string;
  readonly institutionId: string;
}

/** Creates orders: candidates' product orders (idempotent per key) and exam-fee orders from exam's events. */
@Injectable()
export class OrderPlacementService {
  private readonly logger = new Logger(OrderPlacementService.name);

  constructor(
    private readonly orders: OrderRepository,
    private readonly products: ProductRepository,
    private readonly registrations: PaymentRegistrationRepository,
    private readonly dataSource: DataSource,
    private readonly env: PaymentsEnv,
    private readonly clock: Clock,
  ) {}

  private newOrder(
    fields: Partial<OrderEntity> & Pick<OrderEntity, 'institutionId' | 'buyerId'>,
  ): OrderEntity {
    const now = this.clock.now();
    const { id, merchantNo } = newMerchantId();
    return Object.assign(new OrderEntity(), {
      id,
      outTradeNo: merchantNo,
      kind: 'product',
      registrationId: null,
      examId: null,
      idempotencyKey: null,
      currency: CURRENCY,
      status: 'pending',
      provider: null,
      providerTradeNo: null,
      paidFen: 0,
      refundCommittedFen: 0,
      refundedFen: 0,
      contactName: null,
      contactPhone: null,
      contactAddress: null,
      expiresAt: new Date(now.getTime() + this.env.PAYMENTS_ORDER_TTL_SECONDS * 1000),
      paidAt: null,
      createdAt: now,
      updatedAt: now,
      ...fields,
    });
  }

  /**
   * A candidate's order for a listed product. The price is the product's, never the client's; the same
   * idempotency key returns the same order (a different request under it is refused).
   */
  async placeProductOrder(buyerId: string, input: ProductOrderInput): Promise<OrderEntity> {
    const existing = await this.orders.findByIdempotencyKey(buyerId, input.idempotencyKey);
    if (existing !== null) return this.sameRequest(existing, input);
    const product = await this.products.findById(input.productId);
    if (product === null) throw new ProductNotFoundError();
    if (!product.listed) throw new ProductNotListedError();
    if (product.requiresShipping && input.contact === undefined) throw new ShippingContactRequiredError();
    const amountFen = totalFen([{ unitPriceFen: product.priceFen, quantity: input.quantity }]);
    if (amountFen === undefined) throw new ProductNotListedError();
    const order = this.newOrder({
      institutionId: product.institutionId,
      buyerId,
      idempotencyKey: input.idempotencyKey,
      description: product.title.slice(0, 120),
      amountFen,
      contactName: input.contact?.name ?? null,
      contactPhone: input.contact?.phone ?? null,
      contactAddress: input.contact?.address ?? null,
    });
    const item = Object.assign(new OrderItemEntity(), {
      orderId: order.id,
      lineNo: 1,
      kind: product.kind,
      refId: product.id,
      title: product.title,
      unitPriceFen: product.priceFen,
      quantity: input.quantity,
      amountFen,
    });
    const inserted = await this.dataSource.transaction((tx) =>
      this.orders.insert(tx, order, [item], this.created(order, `user:${buyerId}`)),
    );
    if (inserted) return order;
    const raced = await this.orders.findByIdempotencyKey(buyerId, input.idempotencyKey);
    if (raced === null) throw new OrderIdempotencyConflictError();
    return this.sameRequest(raced, input);
  }

  private async sameRequest(order: OrderEntity, input: ProductOrderInput): Promise<OrderEntity> {
    const item = (await this.orders.itemsOf(order.id)).at(0);
    if (item === undefined || item.refId !== input.productId || item.quantity !== input.quantity)
      throw new OrderIdempotencyConflictError();
    return order;
  }

  private created(
    order: OrderEntity,
    actor: string,
  ): {
    orderId: string;
    fromStatus: null;
    toStatus: string;
    cause: string;
    actor: string;
    at: Date;
  } {
    return {
      orderId: order.id,
      fromStatus: null,
      toStatus: 'pending',
      cause: 'created',
      actor,
      at: order.createdAt,
    };
  }

  /**
   * exam.registration.created: an exam-fee order at the fee exam published (the server's price). One order
   * per registration: a redelivered event finds it and changes nothing.
   */
  async createExamFeeOrder(tx: EntityManager, event: RegistrationCreated): Promise<void> {
    const feeFen = event.feeFen ?? 0;
    if (!event.feeRequired || feeFen <= 0) return;
    const known = await this.registrations.insert(
      tx,
      Object.assign(new PaymentRegistrationEntity(), {
        registrationId: event.registrationId,
        examId: event.examId,
        buyerId: event.userId,
        institutionId: event.institutionId,
        feeFen,
        status: 'pending',
        updatedAt: this.clock.now(),
      }),
    );
    if (!known) {
      this.logger.log(`registration ${event.registrationId} is already known; redelivery ignored`);
      return;
    }
    await this.insertExamFeeOrder(tx, {
      registrationId: event.registrationId,
      examId: event.examId,
      buyerId: event.userId,
      institutionId: event.institutionId,
      feeFen,
      idempotencyKey: null,
      actor: 'service:exam',
    });
  }

  /** An exam-fee order at the registration's recorded fee (the first one, or one after an expired one). */
  async insertExamFeeOrder(
    tx: EntityManager,
    input: {
      readonly registrationId: string;
      readonly examId: string | null;
      readonly buyerId: string;
      readonly institutionId: string;
      readonly feeFen: number;
      readonly idempotencyKey: string | null;
      readonly actor: string;
    },
  ): Promise<OrderEntity> {
    const order = this.newOrder({
      institutionId: input.institutionId,
      buyerId: input.buyerId,
      kind: 'exam_fee',
      registrationId: input.registrationId,
      examId: input.examId,
      idempotencyKey: input.idempotencyKey,
      description: 'Exam registration fee',
      amountFen: input.feeFen,
    });
    const item = Object.assign(new OrderItemEntity(), {
      orderId: order.id,
      lineNo: 1,
      kind: 'exam_fee',
      refId: input.registrationId,
      title: (input.examId === null
        ? 'Exam registration fee'
        : `Exam ${input.examId} registration fee`
      ).slice(0, 120),
      unitPriceFen: input.feeFen,
      quantity: 1,
      amountFen: input.feeFen,
    });
    if (!(await this.orders.insert(tx, order, [item], this.created(order, input.actor))))
      throw new OrderIdempotencyConflictError();
    return order;
  }

  /**
   * exam.registration.cancelled: no new order for it from now on (refunds of a paid one come from exam's own
   * command). A cancellation seen before its creation is recorded, so the late creation opens no order.
   */
  async registrationCancelled(tx: EntityManager, event: RegistrationCancelled): Promise<void> {
    const now = this.clock.now();
    const known = await this.registrations.lock(tx, event.registrationId);
    if (known !== null) {
      Object.assign(known, { status: 'cancelled', updatedAt: now });
      await this.registrations.save(tx, known);
      return;
    }
    await this.registrations.insert(
      tx,
      Object.assign(new PaymentRegistrationEntity(), {
        registrationId: event.registrationId,
        examId: event.examId,
        buyerId: event.userId,
        institutionId: event.institutionId,
        feeFen: 0,
        status: 'cancelled',
        updatedAt: now,
      }),
    );
  }
}
