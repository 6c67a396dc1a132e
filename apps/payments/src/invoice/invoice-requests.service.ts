import { randomUUID } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { OrderNotFoundError } from '../order/order.errors';
import { OrderRepository } from '../order/order.repository';
import { applyInvoiceEvent, canRequestInvoice, invoiceableFen, type TitleType } from './domain/invoice-state';
import { checkUnifiedSocialCreditCode } from './domain/tax-id';
import { InvoiceEntity } from './invoice.entity';
import {
  InvalidTaxIdError,
  InvoiceAlreadyRequestedError,
  InvoiceFileNotFoundError,
  InvoiceIdempotencyConflictError,
  InvoiceNotFoundError,
  InvoiceNotPendingError,
  OrderNotInvoiceableError,
  TaxIdMismatchError,
} from './invoice.errors';
import { InvoiceRepository } from './invoice.repository';
import type { InvoiceFileEntity } from './invoice-file.entity';

export interface InvoiceRequestInput {
  readonly idempotencyKey: string;
  readonly titleType: TitleType;
  readonly title: string;
  readonly taxId?: string;
  readonly email: string;
}

const LIST_LIMIT = 200;

/** The buyer's side: ask for an invoice on a paid order (once per order), read, cancel, download. */
@Injectable()
export class InvoiceRequestsService {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly orders: OrderRepository,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * One open request per order: the order row is locked, so parallel requests see each other; the same key
   * returns the same request, another key while one is open is a 409 naming it. The amount is the server's.
   */
  async request(buyerId: string, orderId: string, input: InvoiceRequestInput): Promise<InvoiceEntity> {
    const taxId = this.taxIdOf(input);
    return this.dataSource.transaction(async (tx) => {
      // The lock comes first: the reads after it see what a parallel request committed before it.
      const order = await this.orders.lockById(tx, orderId);
      if (order?.buyerId !== buyerId) throw new OrderNotFoundError();
      const same = await this.sameRequest(tx, buyerId, orderId, input.idempotencyKey);
      if (same !== null) return same;
      if (!canRequestInvoice(order.status, order.paidFen, order.refundCommittedFen))
        throw new OrderNotInvoiceableError(order.status);
      const open = await this.invoices.findOpenOfOrder(tx, orderId);
      if (open !== null) throw new InvoiceAlreadyRequestedError(open.id, open.status);
      const now = this.clock.now();
      const invoice = Object.assign(new InvoiceEntity(), {
        id: randomUUID(),
        orderId,
        institutionId: order.institutionId,
        buyerId,
        idempotencyKey: input.idempotencyKey,
        openOrderId: orderId,
        titleType: input.titleType,
        title: input.title.trim(),
        taxId,
        email: input.email.trim(),
        amountFen: invoiceableFen(order.paidFen, order.refundCommittedFen),
        status: 'requested',
        invoiceNo: null,
        issuedOn: null,
        handledBy: null,
        rejectReason: null,
        reversalStatus: null,
        reversalInvoiceNo: null,
        erasedAt: null,
        createdAt: now,
        updatedAt: now,
      } satisfies InvoiceEntity);
      if (!(await this.invoices.insert(tx, invoice))) throw new InvoiceIdempotencyConflictError();
      return invoice;
    });
  }

  listMine(buyerId: string): Promise<InvoiceEntity[]> {
    return this.invoices.listForBuyer(buyerId, LIST_LIMIT);
  }

  /** The caller's own request; another buyer's is "not found" (no probing of ids). */
  async mine(buyerId: string, invoiceId: string): Promise<InvoiceEntity> {
    const invoice = await this.invoices.findById(invoiceId);
    if (invoice?.buyerId !== buyerId) throw new InvoiceNotFoundError();
    return invoice;
  }

  async cancel(buyerId: string, invoiceId: string): Promise<InvoiceEntity> {
    return this.dataSource.transaction(async (tx) => {
      const invoice = await this.invoices.lockById(tx, invoiceId);
      if (invoice?.buyerId !== buyerId) throw new InvoiceNotFoundError();
      const next = applyInvoiceEvent(invoice.status, invoice.reversalStatus, { type: 'cancel' });
      if (!next.ok) throw new InvoiceNotPendingError(invoice.status);
      Object.assign(invoice, {
        status: next.status,
        openOrderId: null,
        handledBy: `user:${buyerId}`,
        updatedAt: this.clock.now(),
      });
      return this.invoices.save(tx, invoice);
    });
  }

  async pdfOfMine(buyerId: string, invoiceId: string): Promise<InvoiceFileEntity> {
    const invoice = await this.mine(buyerId, invoiceId);
    return this.pdfOf(invoice);
  }

  /** The issued PDF; shared with staff, who reach the invoice through their institution. */
  async pdfOf(invoice: InvoiceEntity): Promise<InvoiceFileEntity> {
    const file = invoice.status === 'issued' ? await this.invoices.fileOf(invoice.id) : null;
    if (file === null) throw new InvoiceFileNotFoundError();
    return file;
  }

  private taxIdOf(input: InvoiceRequestInput): string | null {
    if (input.titleType === 'personal') {
      if (input.taxId !== undefined) throw new TaxIdMismatchError('personal');
      return null;
    }
    if (input.taxId === undefined) throw new TaxIdMismatchError('company');
    const check = checkUnifiedSocialCreditCode(input.taxId);
    if (!check.ok) throw new InvalidTaxIdError(check.reason);
    return check.value;
  }

  private async sameRequest(
    tx: EntityManager,
    buyerId: string,
    orderId: string,
    idempotencyKey: string,
  ): Promise<InvoiceEntity | null> {
    const existing = await this.invoices.findByKey(tx, buyerId, idempotencyKey);
    if (existing === null) return null;
    if (existing.orderId !== orderId) throw new InvoiceIdempotencyConflictError();
    return existing;
  }
}
