import { Clock } from '@exam/platform';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { OrderRepository } from '../order/order.repository';
import { applyInvoiceEvent, invoiceableFen } from './domain/invoice-state';
import { InvoiceRepository } from './invoice.repository';

/** What happens to invoices when money comes back or the buyer's account is erased (Kafka, inbox transaction). */
@Injectable()
export class InvoiceLifecycleService {
  private readonly logger = new Logger(InvoiceLifecycleService.name);

  constructor(
    private readonly invoices: InvoiceRepository,
    private readonly orders: OrderRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * payments.order.refunded: an issued invoice now states more than was kept, so it needs a 红字 reversal
   * (staff see it flagged); an open request left with nothing to invoice is closed. A replay changes nothing.
   */
  async onRefunded(tx: EntityManager, orderId: string): Promise<void> {
    const invoice = await this.invoices.lockOpenOfOrder(tx, orderId);
    if (invoice === null) return;
    const order = await this.orders.lockById(tx, orderId);
    if (order === null) return;
    const next = applyInvoiceEvent(invoice.status, invoice.reversalStatus, {
      type: 'refund',
      invoiceableFen: invoiceableFen(order.paidFen, order.refundedFen),
    });
    if (!next.ok || (next.status === invoice.status && next.reversal === invoice.reversalStatus)) return;
    const closed = next.status !== invoice.status;
    Object.assign(invoice, {
      status: next.status,
      reversalStatus: next.reversal,
      ...(closed
        ? { openOrderId: null, rejectReason: 'The order was fully refunded: nothing is left to invoice.' }
        : {}),
      handledBy: 'system:refund',
      updatedAt: this.clock.now(),
    });
    await this.invoices.save(tx, invoice);
    this.logger.log(`invoice ${invoice.id}: ${closed ? 'closed' : 'reversal required'} after a refund`);
  }

  /**
   * accounts.erasure.requested: the buyer's personal fields go (delivery contacts on orders, invoice titles
   * of persons and emails) and open requests close; amounts, invoice numbers and company titles stay, since
   * tax and accounting law keep them. Safe to replay.
   */
  async erase(tx: EntityManager, buyerId: string): Promise<void> {
    const now = this.clock.now();
    const closed = await this.invoices.closeOpenRequestsOf(tx, buyerId, now);
    const invoices = await this.invoices.erasePersonalFieldsOf(tx, buyerId, now);
    const orders = await this.orders.eraseContactsOf(tx, buyerId, now);
    this.logger.log(
      `erasure of ${buyerId}: ${invoices} invoices blanked, ${closed} open requests closed, ${orders} order contacts blanked`,
    );
  }
}
