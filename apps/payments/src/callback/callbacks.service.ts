import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { Clock, EventPublisher } from '@exam/platform';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { CURRENCY } from '../order/domain/money';
import { transition } from '../order/domain/order-state';
import type { ProviderName } from '../order/order.entity';
import { OrderRepository } from '../order/order.repository';
import { payerChannelOf } from '../provider/payer-channel';
import type { ProviderNotice, RawCallback } from '../provider/payment-provider';
import { PaymentProviders } from '../provider/payment-providers';
import { RefundRequestsService } from '../refund/refund-requests.service';
import { RefundSettlementService } from '../refund/refund-settlement.service';
import { CallbackRefusedError } from './callback.errors';
import type { CallbackOutcome } from './callback-record.entity';
import { CallbackRecordRepository } from './callback-record.repository';

/** Whether the provider should consider the callback delivered (true) or deliver it again (false). */
export interface CallbackVerdict {
  readonly accepted: boolean;
  readonly outcome: CallbackOutcome;
  readonly detail: string;
}

type PaymentNotice = Extract<ProviderNotice, { kind: 'payment' }>;

/**
 * Provider callbacks: the signature and timestamp are verified before anything else; then the payment or
 * refund is applied once (the provider transaction id is unique, the order row is locked), amounts and
 * currency must match the order, and every callback is recorded with its outcome.
 */
@Injectable()
export class CallbacksService {
  private readonly logger = new Logger(CallbacksService.name);

  constructor(
    private readonly providers: PaymentProviders,
    private readonly orders: OrderRepository,
    private readonly refunds: RefundRequestsService,
    private readonly settlement: RefundSettlementService,
    private readonly records: CallbackRecordRepository,
    private readonly events: EventPublisher,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** WeChat Pay's way: any non-2xx answer makes it deliver again, so a refusal is an error answer. */
  async receiveOrRefuse(providerName: ProviderName, callback: RawCallback): Promise<void> {
    const verdict = await this.receive(providerName, callback);
    if (!verdict.accepted) throw new CallbackRefusedError(verdict.outcome, verdict.detail);
  }

  async receive(providerName: ProviderName, callback: RawCallback): Promise<CallbackVerdict> {
    const now = this.clock.now();
    const check = this.providers.get(providerName).verifyNotice(callback, now);
    if (!check.ok) {
      await this.records.record(null, {
        provider: providerName,
        kind: 'unknown',
        outcome: check.outcome,
        outTradeNo: null,
        providerRef: null,
        amountFen: null,
        detail: check.detail,
        receivedAt: now,
      });
      this.logger.warn(`${providerName} callback refused: ${check.detail}`);
      return { accepted: false, outcome: check.outcome, detail: check.detail };
    }
    const notice = check.notice;
    if (notice.kind === 'ignored') return { accepted: true, outcome: 'duplicate', detail: notice.detail };
    return this.dataSource.transaction(async (tx) => {
      const verdict =
        notice.kind === 'payment'
          ? await this.applyPayment(tx, providerName, notice, now)
          : await this.applyRefund(tx, notice);
      await this.records.record(tx, {
        provider: providerName,
        kind: notice.kind,
        outcome: verdict.outcome,
        outTradeNo: notice.outTradeNo,
        providerRef: notice.kind === 'payment' ? notice.providerTradeNo : notice.providerRefundId,
        amountFen: notice.kind === 'payment' ? notice.amountFen : null,
        detail: verdict.detail,
        receivedAt: now,
      });
      return verdict;
    });
  }

  private async applyRefund(
    tx: EntityManager,
    notice: Extract<ProviderNotice, { kind: 'refund' }>,
  ): Promise<CallbackVerdict> {
    const result = await this.settlement.onRefundNotice(tx, notice);
    if (result === 'unknown') return { accepted: true, outcome: 'unknown_order', detail: 'no such refund' };
    if (result === 'duplicate')
      return { accepted: true, outcome: 'duplicate', detail: 'refund already settled' };
    return { accepted: true, outcome: 'refund_settled', detail: notice.succeeded ? 'succeeded' : 'closed' };
  }

  private async applyPayment(
    tx: EntityManager,
    provider: ProviderName,
    notice: PaymentNotice,
    now: Date,
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
        actor: `provider:${provider}`,
        note: `${notice.amountFen} fen via ${provider} on a ${order.status} order; refunded`,
        at: now,
      });
      await this.refunds.startLateRefund(tx, order, { provider, ...notice }, now);
      return {
        accepted: true,
        outcome: 'late_refunded',
        detail: `order was ${order.status}; refund started`,
      };
    }
    Object.assign(order, {
      status: next.to,
      provider,
      providerTradeNo: notice.providerTradeNo,
      paidFen: notice.amountFen,
      paidAt: notice.paidAt,
      updatedAt: now,
    });
    await this.orders.save(tx, order);
    await this.orders.addTransition(tx, {
      orderId: order.id,
      fromStatus: 'pending',
      toStatus: next.to,
      cause: 'paid',
      actor: `provider:${provider}`,
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
