import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { EventPublisher } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { CURRENCY } from '../order/domain/money';
import { transition } from '../order/domain/order-state';
import type { ProviderName } from '../order/order.entity';
import { OrderRepository } from '../order/order.repository';
import { payerChannelOf } from '../provider/payer-channel';
import type { ProviderNotice } from '../provider/payment-provider';
import { RefundRequestsService } from '../refund/refund-requests.service';
import type { CallbackOutcome } from './callback-record.entity';

/** Whether the provider should consider the callback delivered (true) or deliver it again (false). */
export interface CallbackVerdict {
  readonly accepted: boolean;
  readonly outcome: CallbackOutcome;
  readonly detail: string;
}

export type PaymentNotice = Extract<ProviderNotice, { kind: 'payment' }>;

/** How the platform learnt of the payment: the provider's callback, or the reconciliation job's query. */
export type PaymentSource = 'callback' | 'query';

/**
 * Applying a payment the provider reported, whether by a verified callback or by a trade query: one
 * transaction that locks the order and records the provider transaction id once (unique), so a repeated,
 * reordered or late report, or a second replica, has no second effect. Amount and currency must equal the
 * order's; a payment reaching a closed order is recorded and refunded at once.
 */
@Injectable()
export class PaymentApplicationService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly refunds: RefundRequestsService,
    private readonly events: EventPublisher,
  ) {}

  async applyPayment(
    tx: EntityManager,
    provider: ProviderName,
    notice: PaymentNotice,
    now: Date,
    source: PaymentSource,
  ): Promise<CallbackVerdict> {
    const order = await this.orders.lockByOutTradeNo(tx, notice.outTradeNo);
    // Acknowledged: the provider cannot make it known by retrying; the record is for reconciliation.
    if (order === null)
      return { accepted: true, outcome: 'unknown_order', detail: 'no order with this out_trade_no' };
    if (await this.orders.findTransaction(tx, provider, notice.providerTradeNo))
      return { accepted: true, outcome: 'duplicate', detail: 'transaction already recorded' };
    if (notice.amountFen !== order.amountFen || notice.currency !== CURRENCY)
      return {
        accepted: false,
        outcome: 'mismatch',
        detail: `paid ${notice.amountFen} ${notice.currency.slice(0, 8)}, order is ${order.amountFen} ${order.currency}`,
      };
    const actor = source === 'callback' ? `provider:${provider}` : 'job:reconciliation';
    const queried = source === 'query' ? `settled by querying ${provider}: no callback came` : undefined;
    const next = transition(order.status, { type: 'pay' });
    await this.orders.insertTransaction(tx, {
      id: randomUUID(),
      orderId: order.id,
      provider,
      providerTradeNo: notice.providerTradeNo,
      amountFen: notice.amountFen,
      currency: notice.currency,
      outcome: next.ok ? 'applied' : 'late',
      payerChannel: payerChannelOf(notice.payerChannel),
      paidAt: notice.paidAt,
      receivedAt: now,
    });
    if (!next.ok) {
      await this.orders.addTransition(tx, {
        orderId: order.id,
        fromStatus: order.status,
        toStatus: order.status,
        cause: 'late_payment',
        actor,
        note: `${notice.amountFen} fen via ${provider} on a ${order.status} order; refunded${queried === undefined ? '' : ` (${queried})`}`,
        at: now,
      });
      await this.refunds.startLateRefund(tx, order, { provider, ...notice }, now);
      return {
        accepted: true,
        outcome: 'late_refunded',
        detail: `order was ${order.status}; refund started`,
      };
    }
    await this.orders.markPaid(tx, order, {
      status: next.to,
      provider,
      providerTradeNo: notice.providerTradeNo,
      paidFen: notice.amountFen,
      paidAt: notice.paidAt,
      updatedAt: now,
    });
    await this.orders.addTransition(tx, {
      orderId: order.id,
      fromStatus: 'pending',
      toStatus: next.to,
      cause: 'paid',
      actor,
      ...(queried === undefined ? {} : { note: queried }),
      at: now,
    });
    await this.events.stage(tx, Topics.OrderPaid, {
      subjectId: order.id,
      payload: {
        orderId: order.id,
        userId: order.buyerId,
        ...(order.registrationId === null ? {} : { registrationId: order.registrationId }),
        institutionId: order.institutionId,
        amountFen: order.amountFen,
        currency: CURRENCY,
      },
    });
    return { accepted: true, outcome: 'applied', detail: 'order paid' };
  }
}
