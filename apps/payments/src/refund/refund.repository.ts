import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { RefundEntity, type RefundStatus } from './refund.entity';

/** Refunds of orders. */
@Injectable()
export class RefundRepository {
  constructor(@InjectRepository(RefundEntity) private readonly refunds: Repository<RefundEntity>) {}

  async insert(tx: EntityManager, refund: RefundEntity): Promise<void> {
    await tx.getRepository(RefundEntity).insert(refund);
  }

  save(tx: EntityManager, refund: RefundEntity): Promise<RefundEntity> {
    return tx.getRepository(RefundEntity).save(refund);
  }

  findByKey(tx: EntityManager, orderId: string, idempotencyKey: string): Promise<RefundEntity | null> {
    return tx.getRepository(RefundEntity).findOneBy({ orderId, idempotencyKey });
  }

  findById(id: string): Promise<RefundEntity | null> {
    return this.refunds.findOneBy({ id });
  }

  lockById(tx: EntityManager, id: string): Promise<RefundEntity | null> {
    return tx.getRepository(RefundEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  lockByOutRefundNo(tx: EntityManager, outRefundNo: string): Promise<RefundEntity | null> {
    return tx
      .getRepository(RefundEntity)
      .findOne({ where: { outRefundNo }, lock: { mode: 'pessimistic_write' } });
  }

  /** An institution's refunds in one status, oldest first (the approval queue). */
  listOfInstitution(institutionId: string, status: RefundStatus, limit: number): Promise<RefundEntity[]> {
    return this.refunds.find({
      where: { institutionId, status },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
  }

  listOfOrder(orderId: string): Promise<RefundEntity[]> {
    return this.refunds.find({ where: { orderId }, order: { createdAt: 'ASC' } });
  }

  /** Requested refunds whose lease ran out, locked past other replicas' rows (SKIP LOCKED via the query builder). */
  claimDue(tx: EntityManager, now: Date, limit: number): Promise<RefundEntity[]> {
    return tx
      .getRepository(RefundEntity)
      .createQueryBuilder('r')
      .where("r.status = 'requested'")
      .andWhere('r.submit_after <= :now', { now })
      .orderBy('r.submit_after', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }
}
