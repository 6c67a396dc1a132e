import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { isDuplicateKeyError } from '../database/duplicate-key';
import { CheckoutEntity } from './checkout.entity';
import { OrderEntity, type ProviderName } from './order.entity';
import { OrderItemEntity } from './order-item.entity';
import { OrderTransitionEntity } from './order-transition.entity';
import { PaymentTransactionEntity } from './payment-transaction.entity';

export interface TransitionRecord {
  readonly orderId: string;
  readonly fromStatus: string | null;
  readonly toStatus: string;
  readonly cause: string;
  readonly actor: string;
  readonly note?: string;
  readonly at: Date;
}

/** The order aggregate: the order row, its items, its status history and the provider payments on it. */
@Injectable()
export class OrderRepository {
  constructor(
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
    @InjectRepository(OrderItemEntity) private readonly items: Repository<OrderItemEntity>,
    @InjectRepository(OrderTransitionEntity) private readonly transitions: Repository<OrderTransitionEntity>,
  ) {}

  /** Inserts a new order; false when its registration or idempotency key already has one (a redelivery or a race). */
  async insert(
    tx: EntityManager,
    order: OrderEntity,
    items: readonly OrderItemEntity[],
    created: TransitionRecord,
  ): Promise<boolean> {
    try {
      await tx.getRepository(OrderEntity).insert(order);
    } catch (error: unknown) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
    await tx.getRepository(OrderItemEntity).insert([...items]);
    await this.addTransition(tx, created);
    return true;
  }

  async addTransition(tx: EntityManager, record: TransitionRecord): Promise<void> {
    await tx.getRepository(OrderTransitionEntity).insert({ ...record, note: record.note ?? null });
  }

  /**
   * Writes a payment onto a locked pending order with one UPDATE (`save` would read the row again first): the
   * callback hot path measured by the payments bench.
   */
  async markPaid(
    tx: EntityManager,
    order: OrderEntity,
    paid: Pick<OrderEntity, 'status' | 'provider' | 'providerTradeNo' | 'paidFen' | 'paidAt' | 'updatedAt'>,
  ): Promise<void> {
    await tx.getRepository(OrderEntity).update({ id: order.id }, { ...paid, reconcileAt: null });
    Object.assign(order, paid, { reconcileAt: null });
  }

  save(tx: EntityManager, order: OrderEntity): Promise<OrderEntity> {
    return tx.getRepository(OrderEntity).save(order);
  }

  findById(id: string): Promise<OrderEntity | null> {
    return this.orders.findOneBy({ id });
  }

  findByIdempotencyKey(buyerId: string, idempotencyKey: string): Promise<OrderEntity | null> {
    return this.orders.findOneBy({ buyerId, idempotencyKey });
  }

  /** Every order of an exam registration (an expired one may be followed by a new one), locked. */
  lockByRegistration(tx: EntityManager, registrationId: string): Promise<OrderEntity[]> {
    return tx.getRepository(OrderEntity).find({
      where: { registrationId },
      order: { createdAt: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  findByIdempotencyKeyIn(
    tx: EntityManager,
    buyerId: string,
    idempotencyKey: string,
  ): Promise<OrderEntity | null> {
    return tx.getRepository(OrderEntity).findOneBy({ buyerId, idempotencyKey });
  }

  /**
   * Account erasure: the delivery contacts of a buyer's orders are blanked; amounts and numbers stay (tax
   * and accounting law keep them). Set-based bulk update.
   */
  async eraseContactsOf(tx: EntityManager, buyerId: string, now: Date): Promise<number> {
    const result = await tx
      .getRepository(OrderEntity)
      .createQueryBuilder()
      .update()
      .set({ contactName: null, contactPhone: null, contactAddress: null, updatedAt: now })
      .where('buyer_id = :buyerId', { buyerId })
      .andWhere('(contact_name IS NOT NULL OR contact_phone IS NOT NULL OR contact_address IS NOT NULL)')
      .execute();
    return result.affected ?? 0;
  }

  lockById(tx: EntityManager, id: string): Promise<OrderEntity | null> {
    return tx.getRepository(OrderEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockByOutTradeNo(tx: EntityManager, outTradeNo: string): Promise<OrderEntity | null> {
    return tx
      .getRepository(OrderEntity)
      .findOne({ where: { outTradeNo }, lock: { mode: 'pessimistic_write' } });
  }

  listForBuyer(buyerId: string, limit: number): Promise<OrderEntity[]> {
    return this.orders.find({ where: { buyerId }, order: { createdAt: 'DESC' }, take: limit });
  }

  listForInstitution(
    institutionId: string,
    status: string | undefined,
    limit: number,
  ): Promise<OrderEntity[]> {
    return this.orders.find({
      where:
        status === undefined ? { institutionId } : { institutionId, status: status as OrderEntity['status'] },
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }

  itemsOf(orderId: string): Promise<OrderItemEntity[]> {
    return this.items.find({ where: { orderId }, order: { lineNo: 'ASC' } });
  }

  historyOf(orderId: string): Promise<OrderTransitionEntity[]> {
    return this.transitions.find({ where: { orderId }, order: { id: 'ASC' } });
  }

  /**
   * Pending orders past their expiry, locked; rows another replica holds are skipped, so several replicas
   * expire disjoint sets at once. The query builder says the SKIP LOCKED.
   */
  claimExpired(tx: EntityManager, now: Date, limit: number): Promise<OrderEntity[]> {
    return tx
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .where("o.status = 'pending'")
      .andWhere('o.expires_at <= :now', { now })
      .orderBy('o.expires_at', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  findTransaction(
    tx: EntityManager,
    provider: 'wechat' | 'alipay',
    providerTradeNo: string,
  ): Promise<PaymentTransactionEntity | null> {
    return tx.getRepository(PaymentTransactionEntity).findOneBy({ provider, providerTradeNo });
  }

  async insertTransaction(tx: EntityManager, transaction: PaymentTransactionEntity): Promise<void> {
    await tx.getRepository(PaymentTransactionEntity).insert(transaction);
  }

  transactionsOf(orderId: string): Promise<PaymentTransactionEntity[]> {
    return this.orders.manager.getRepository(PaymentTransactionEntity).find({ where: { orderId } });
  }

  /**
   * Notes that the order was taken to a provider (kept once per provider) and, the first time, when the
   * reconciliation job should ask about it if no callback came. A closed order is left alone.
   */
  async recordCheckout(
    tx: EntityManager,
    orderId: string,
    provider: ProviderName,
    now: Date,
    reconcileAt: Date,
  ): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(CheckoutEntity)
      .values({ orderId, provider, createdAt: now })
      .orIgnore()
      .execute();
    await tx
      .getRepository(OrderEntity)
      .createQueryBuilder()
      .update()
      .set({ reconcileAt: () => 'COALESCE(reconcile_at, :reconcileAt)' })
      .setParameter('reconcileAt', reconcileAt)
      .where("id = :orderId AND status = 'pending'", { orderId })
      .execute();
  }
}
