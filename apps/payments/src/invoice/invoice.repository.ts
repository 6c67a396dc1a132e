import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { isDuplicateKeyError } from '../database/duplicate-key';
import type { InvoiceStatus, ReversalStatus } from './domain/invoice-state';
import { InvoiceEntity } from './invoice.entity';
import { InvoiceFileEntity } from './invoice-file.entity';

export interface InvoiceFilter {
  readonly status?: InvoiceStatus;
  readonly reversal?: ReversalStatus;
  /** Requested on or after / before (exclusive) these instants. */
  readonly from?: Date;
  readonly to?: Date;
}

/** The invoice aggregate: the request, its issued PDF. */
@Injectable()
export class InvoiceRepository {
  constructor(
    @InjectRepository(InvoiceEntity) private readonly invoices: Repository<InvoiceEntity>,
    @InjectRepository(InvoiceFileEntity) private readonly files: Repository<InvoiceFileEntity>,
  ) {}

  /** Inserts a request; false when the buyer's key or the order's open slot is already taken. */
  async insert(tx: EntityManager, invoice: InvoiceEntity): Promise<boolean> {
    try {
      await tx.getRepository(InvoiceEntity).insert(invoice);
      return true;
    } catch (error: unknown) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  save(tx: EntityManager, invoice: InvoiceEntity): Promise<InvoiceEntity> {
    return tx.getRepository(InvoiceEntity).save(invoice);
  }

  findById(id: string): Promise<InvoiceEntity | null> {
    return this.invoices.findOneBy({ id });
  }

  lockById(tx: EntityManager, id: string): Promise<InvoiceEntity | null> {
    return tx.getRepository(InvoiceEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findByKey(tx: EntityManager, buyerId: string, idempotencyKey: string): Promise<InvoiceEntity | null> {
    return tx.getRepository(InvoiceEntity).findOneBy({ buyerId, idempotencyKey });
  }

  findOpenOfOrder(tx: EntityManager, orderId: string): Promise<InvoiceEntity | null> {
    return tx.getRepository(InvoiceEntity).findOneBy({ openOrderId: orderId });
  }

  lockOpenOfOrder(tx: EntityManager, orderId: string): Promise<InvoiceEntity | null> {
    return tx
      .getRepository(InvoiceEntity)
      .findOne({ where: { openOrderId: orderId }, lock: { mode: 'pessimistic_write' } });
  }

  listForBuyer(buyerId: string, limit: number): Promise<InvoiceEntity[]> {
    return this.invoices.find({ where: { buyerId }, order: { createdAt: 'DESC' }, take: limit });
  }

  /** An institution's requests, newest first; the query builder says the optional filters. */
  listForInstitution(institutionId: string, filter: InvoiceFilter, limit: number): Promise<InvoiceEntity[]> {
    const query = this.invoices
      .createQueryBuilder('i')
      .where('i.institution_id = :institutionId', { institutionId });
    if (filter.status !== undefined) query.andWhere('i.status = :status', { status: filter.status });
    if (filter.reversal !== undefined)
      query.andWhere('i.reversal_status = :reversal', { reversal: filter.reversal });
    if (filter.from !== undefined) query.andWhere('i.created_at >= :from', { from: filter.from });
    if (filter.to !== undefined) query.andWhere('i.created_at < :to', { to: filter.to });
    return query.orderBy('i.created_at', 'DESC').take(limit).getMany();
  }

  async saveFile(tx: EntityManager, file: InvoiceFileEntity): Promise<void> {
    await tx.getRepository(InvoiceFileEntity).save(file);
  }

  fileOf(invoiceId: string): Promise<InvoiceFileEntity | null> {
    return this.files.findOneBy({ invoiceId });
  }

  /** Account erasure: requests not yet issued are cancelled (nobody is left to send them to). Bulk update. */
  async closeOpenRequestsOf(tx: EntityManager, buyerId: string, now: Date): Promise<number> {
    const result = await tx
      .getRepository(InvoiceEntity)
      .createQueryBuilder()
      .update()
      .set({ status: 'cancelled', openOrderId: null, handledBy: 'system:erasure', updatedAt: now })
      .where('buyer_id = :buyerId', { buyerId })
      .andWhere("status = 'requested'")
      .execute();
    return result.affected ?? 0;
  }

  /**
   * Account erasure: titles and emails of a buyer's invoices are blanked, amounts and numbers stay.
   * Set-based bulk update.
   */
  async erasePersonalFieldsOf(tx: EntityManager, buyerId: string, now: Date): Promise<number> {
    // A company's name is not personal data and stays on its invoice; a person's name goes.
    await tx
      .getRepository(InvoiceEntity)
      .createQueryBuilder()
      .update()
      .set({ title: null })
      .where('buyer_id = :buyerId', { buyerId })
      .andWhere("title_type = 'personal'")
      .andWhere('erased_at IS NULL')
      .execute();
    const result = await tx
      .getRepository(InvoiceEntity)
      .createQueryBuilder()
      .update()
      .set({ email: null, erasedAt: now, updatedAt: now })
      .where('buyer_id = :buyerId', { buyerId })
      .andWhere('erased_at IS NULL')
      .execute();
    return result.affected ?? 0;
  }
}
