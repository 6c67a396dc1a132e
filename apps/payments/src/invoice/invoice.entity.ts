import { EncryptedColumn } from '@exam/crypto';
import { Column, Entity, PrimaryColumn } from 'typeorm';

import type { InvoiceStatus, ReversalStatus, TitleType } from './domain/invoice-state';

/**
 * A buyer's request for an invoice (普通发票) on a paid order, and once issued its number and date. The title
 * (a person's name on a personal invoice) and the email are personal data: encrypted at rest, masked in every
 * response, blanked on account erasure; the amount and invoice numbers stay (tax law keeps them).
 */
@Entity({ name: 'payment_invoices' })
export class InvoiceEntity {
  @PrimaryColumn({ type: 'char', length: 36 }) id!: string;
  @Column({ name: 'order_id', type: 'char', length: 36 }) orderId!: string;
  @Column({ name: 'institution_id', type: 'char', length: 36 }) institutionId!: string;
  @Column({ name: 'buyer_id', type: 'char', length: 36 }) buyerId!: string;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 }) idempotencyKey!: string;
  /** The order's id while the request holds it (requested or issued); null once rejected or cancelled. */
  @Column({ name: 'open_order_id', type: 'char', length: 36, nullable: true }) openOrderId!: string | null;
  @Column({ name: 'title_type', type: 'varchar', length: 10 }) titleType!: TitleType;
  @EncryptedColumn({ type: 'text', nullable: true }) title!: string | null;
  /** 统一社会信用代码 of a company title; a company's, not a person's, so kept readable. */
  @Column({ name: 'tax_id', type: 'varchar', length: 18, nullable: true }) taxId!: string | null;
  @EncryptedColumn({ type: 'text', nullable: true }) email!: string | null;
  @Column({ name: 'amount_fen', type: 'int', unsigned: true }) amountFen!: number;
  @Column({ type: 'varchar', length: 12 }) status!: InvoiceStatus;
  @Column({ name: 'invoice_no', type: 'varchar', length: 20, nullable: true }) invoiceNo!: string | null;
  /** The date printed on the invoice, YYYY-MM-DD. */
  @Column({ name: 'issued_on', type: 'date', nullable: true }) issuedOn!: string | null;
  @Column({ name: 'handled_by', type: 'varchar', length: 64, nullable: true }) handledBy!: string | null;
  @Column({ name: 'reject_reason', type: 'varchar', length: 200, nullable: true }) rejectReason!:
    string | null;
  @Column({ name: 'reversal_status', type: 'varchar', length: 10, nullable: true })
  reversalStatus!: ReversalStatus | null;
  @Column({ name: 'reversal_invoice_no', type: 'varchar', length: 20, nullable: true }) reversalInvoiceNo!:
    string | null;
  @Column({ name: 'erased_at', type: 'datetime', precision: 3, nullable: true }) erasedAt!: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt!: Date;
}
