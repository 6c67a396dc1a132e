import { createHash } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { OrderRepository } from '../order/order.repository';
import { StaffActionRecorder } from '../staff-audit/staff-action-recorder.service';
import { applyInvoiceEvent, canRequestInvoice, invoiceableFen } from './domain/invoice-state';
import { checkPdf, MAX_INVOICE_PDF_BYTES } from './domain/pdf-file';
import type { InvoiceEntity } from './invoice.entity';
import {
  InvalidInvoicePdfError,
  InvoiceNotFoundError,
  InvoiceNotPendingError,
  IssueDateInvalidError,
  NoReversalRequiredError,
  OrderNotInvoiceableError,
} from './invoice.errors';
import { type InvoiceFilter, InvoiceRepository } from './invoice.repository';
import { InvoiceFileEntity } from './invoice-file.entity';

export interface IssueInput {
  readonly invoiceNo: string;
  readonly issuedOn: string;
  readonly pdf: Buffer;
}

const LIST_LIMIT = 500;

const PDF_PROBLEMS = {
  empty: 'the file is empty',
  too_large: `the file is larger than ${MAX_INVOICE_PDF_BYTES / 1024} kB`,
  not_pdf: 'the file is not a PDF (it does not start with %PDF-)',
  truncated: 'the PDF is incomplete (no %%EOF at its end): upload it again',
} as const;

/** The institution's side: list its requests, issue with the PDF, reject, record a 红字 reversal. */
@Injectable()
export class InvoiceIssuingService {
  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly orders: OrderRepository,
    private readonly staffActions: StaffActionRecorder,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  list(institutionId: string, filter: InvoiceFilter): Promise<InvoiceEntity[]> {
    return this.invoices.listForInstitution(institutionId, filter, LIST_LIMIT);
  }

  /** A request of this institution; another institution's is "not found". */
  async ofInstitution(institutionId: string, invoiceId: string): Promise<InvoiceEntity> {
    const invoice = await this.invoices.findById(invoiceId);
    if (invoice?.institutionId !== institutionId) throw new InvoiceNotFoundError();
    return invoice;
  }

  /** Marks a request issued, storing its PDF; the amount is what the order still has paid, now. */
  async issue(
    institutionId: string,
    invoiceId: string,
    staffId: string,
    input: IssueInput,
  ): Promise<InvoiceEntity> {
    const pdf = checkPdf(input.pdf);
    if (!pdf.ok) throw new InvalidInvoicePdfError(PDF_PROBLEMS[pdf.problem]);
    const now = this.clock.now();
    if (input.issuedOn > now.toISOString().slice(0, 10))
      throw new IssueDateInvalidError('the date is in the future');
    return this.dataSource.transaction(async (tx) => {
      const invoice = await this.lockOfInstitution(tx, institutionId, invoiceId);
      const next = applyInvoiceEvent(invoice.status, invoice.reversalStatus, { type: 'issue' });
      if (!next.ok) throw new InvoiceNotPendingError(invoice.status);
      const order = await this.orders.lockById(tx, invoice.orderId);
      if (order === null || !canRequestInvoice(order.status, order.paidFen, order.refundCommittedFen))
        throw new OrderNotInvoiceableError(order?.status ?? 'gone');
      if (order.paidAt !== null && input.issuedOn < order.paidAt.toISOString().slice(0, 10))
        throw new IssueDateInvalidError('the date is before the order was paid');
      Object.assign(invoice, {
        status: next.status,
        amountFen: invoiceableFen(order.paidFen, order.refundCommittedFen),
        invoiceNo: input.invoiceNo,
        issuedOn: input.issuedOn,
        handledBy: `user:${staffId}`,
        updatedAt: now,
      });
      await this.invoices.save(tx, invoice);
      await this.invoices.saveFile(
        tx,
        Object.assign(new InvoiceFileEntity(), {
          invoiceId: invoice.id,
          content: input.pdf,
          sizeBytes: input.pdf.length,
          sha256: createHash('sha256').update(input.pdf).digest('hex'),
          uploadedAt: now,
        }),
      );
      await this.staffActions.record(tx, {
        action: 'invoice_issued',
        institutionId,
        staffUserId: staffId,
        subjectId: invoice.id,
        amountFen: invoice.amountFen,
      });
      return invoice;
    });
  }

  /** Refuses a request with a reason the buyer can act on; the order is free for a corrected request. */
  async reject(
    institutionId: string,
    invoiceId: string,
    staffId: string,
    reason: string,
  ): Promise<InvoiceEntity> {
    return this.dataSource.transaction(async (tx) => {
      const invoice = await this.lockOfInstitution(tx, institutionId, invoiceId);
      const next = applyInvoiceEvent(invoice.status, invoice.reversalStatus, { type: 'reject' });
      if (!next.ok) throw new InvoiceNotPendingError(invoice.status);
      Object.assign(invoice, {
        status: next.status,
        openOrderId: null,
        rejectReason: reason.trim(),
        handledBy: `user:${staffId}`,
        updatedAt: this.clock.now(),
      });
      const saved = await this.invoices.save(tx, invoice);
      await this.staffActions.record(tx, {
        action: 'invoice_rejected',
        institutionId,
        staffUserId: staffId,
        subjectId: invoice.id,
        amountFen: null,
        reason: invoice.rejectReason,
      });
      return saved;
    });
  }

  /** Records the red-letter invoice that reversed an issued one a refund made wrong. */
  async recordReversal(
    institutionId: string,
    invoiceId: string,
    staffId: string,
    reversalInvoiceNo: string,
  ): Promise<InvoiceEntity> {
    return this.dataSource.transaction(async (tx) => {
      const invoice = await this.lockOfInstitution(tx, institutionId, invoiceId);
      if (invoice.reversalStatus !== 'required') throw new NoReversalRequiredError();
      Object.assign(invoice, {
        reversalStatus: 'done',
        reversalInvoiceNo,
        handledBy: `user:${staffId}`,
        updatedAt: this.clock.now(),
      });
      const saved = await this.invoices.save(tx, invoice);
      await this.staffActions.record(tx, {
        action: 'invoice_reversal_recorded',
        institutionId,
        staffUserId: staffId,
        subjectId: invoice.id,
        amountFen: invoice.amountFen,
      });
      return saved;
    });
  }

  private async lockOfInstitution(
    tx: EntityManager,
    institutionId: string,
    invoiceId: string,
  ): Promise<InvoiceEntity> {
    const invoice = await this.invoices.lockById(tx, invoiceId);
    if (invoice?.institutionId !== institutionId) throw new InvoiceNotFoundError();
    return invoice;
  }
}
