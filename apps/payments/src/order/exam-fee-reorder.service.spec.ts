import { randomUUID } from 'node:crypto';

import type { DomainError } from '@exam/platform';
import { TestClock } from '@exam/testing';
import type { DataSource, EntityManager } from 'typeorm';

import { ExamFeeReorderService } from './exam-fee-reorder.service';
import { OrderEntity } from './order.entity';
import type { OrderRepository } from './order.repository';
import type { OrderExpiryService } from './order-expiry.service';
import type { OrderPlacementService } from './order-placement.service';
import type { PaymentRegistrationEntity } from './payment-registration.entity';
import type { PaymentRegistrationRepository } from './payment-registration.repository';

describe(ExamFeeReorderService.name, () => {
  const clock = new TestClock('2026-12-07T08:00:00.000Z');
  const buyerId = randomUUID();
  const registrationId = randomUUID();
  let registration: PaymentRegistrationEntity;
  let orders: OrderEntity[];
  let expired: string[];
  let sut: ExamFeeReorderService;

  function order(over: Partial<OrderEntity>): OrderEntity {
    return Object.assign(new OrderEntity(), {
      id: randomUUID(),
      buyerId,
      registrationId,
      kind: 'exam_fee',
      idempotencyKey: null,
      status: 'expired',
      amountFen: 12_000,
      expiresAt: new Date('2026-12-07T07:00:00.000Z'),
      createdAt: new Date('2026-12-07T06:30:00.000Z'),
      ...over,
    });
  }

  async function refusal(key = 'key-00000001'): Promise<string> {
    try {
      await sut.reorder(buyerId, registrationId, key);
    } catch (error: unknown) {
      return (error as DomainError).code;
    }
    return 'none';
  }

  beforeEach(() => {
    registration = {
      registrationId,
      examId: randomUUID(),
      buyerId,
      institutionId: randomUUID(),
      feeFen: 12_000,
      status: 'pending',
      updatedAt: clock.now(),
    };
    orders = [order({})];
    expired = [];
    const dataSource = {
      transaction: <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => work({} as EntityManager),
    };
    const orderRepository = {
      findByIdempotencyKeyIn: (_m: EntityManager, buyer: string, key: string) =>
        Promise.resolve(orders.find((o) => o.buyerId === buyer && o.idempotencyKey === key) ?? null),
      lockByRegistration: (_m: EntityManager, id: string) =>
        Promise.resolve(orders.filter((o) => o.registrationId === id)),
    };
    const registrations = {
      lock: (_m: EntityManager, id: string) =>
        Promise.resolve(id === registration.registrationId ? registration : null),
    };
    const placement = {
      insertExamFeeOrder: (
        _m: EntityManager,
        input: { registrationId: string; buyerId: string; feeFen: number; idempotencyKey: string | null },
      ) => {
        const created = order({
          registrationId: input.registrationId,
          buyerId: input.buyerId,
          amountFen: input.feeFen,
          idempotencyKey: input.idempotencyKey,
          status: 'pending',
          expiresAt: new Date(clock.now().getTime() + 1_800_000),
          createdAt: clock.now(),
        });
        orders.push(created);
        return Promise.resolve(created);
      },
    };
    const expiry = {
      expire: (_m: EntityManager, target: OrderEntity) => {
        target.status = 'expired';
        expired.push(target.id);
        return Promise.resolve(true);
      },
    };
    sut = new ExamFeeReorderService(
      orderRepository as unknown as OrderRepository,
      registrations as unknown as PaymentRegistrationRepository,
      placement as unknown as OrderPlacementService,
      expiry as unknown as OrderExpiryService,
      dataSource as unknown as DataSource,
      clock,
    );
  });

  it('should open a new order at the recorded fee after an expired one, and return it for the same key', async () => {
    const created = await sut.reorder(buyerId, registrationId, 'key-00000001');
    expect(created).toMatchObject({ status: 'pending', amountFen: 12_000, registrationId });
    expect((await sut.reorder(buyerId, registrationId, 'key-00000001')).id).toBe(created.id);
    expect(orders).toHaveLength(2);
  });

  it('should refuse while an order is pending and in time, and after it was paid', async () => {
    orders = [order({ status: 'pending', expiresAt: new Date('2026-12-07T08:10:00.000Z') })];
    expect(await refusal()).toBe('ORDER.ALREADY_PENDING');
    for (const status of ['paid', 'partially_refunded', 'refunded'] as const) {
      orders = [order({ status })];
      expect(await refusal()).toBe('ORDER.ALREADY_PAID');
    }
  });

  it('should close an overdue pending order before opening the new one', async () => {
    const overdue = order({ status: 'pending', expiresAt: clock.now() });
    orders = [overdue];
    await sut.reorder(buyerId, registrationId, 'key-00000001');
    expect(expired).toEqual([overdue.id]);
    expect(orders.map((o) => o.status)).toEqual(['expired', 'pending']);
  });

  it('should refuse a cancelled registration, another buyer’s and a key used for another order', async () => {
    registration.status = 'cancelled';
    expect(await refusal()).toBe('ORDER.REGISTRATION_CLOSED');
    registration.status = 'pending';
    registration.buyerId = randomUUID();
    expect(await refusal()).toBe('ORDER.REGISTRATION_NOT_FOUND');
    registration.buyerId = buyerId;
    orders.push(order({ registrationId: randomUUID(), idempotencyKey: 'key-product1', kind: 'product' }));
    expect(await refusal('key-product1')).toBe('ORDER.IDEMPOTENCY_CONFLICT');
  });
});
