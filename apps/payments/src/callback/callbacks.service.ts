import { Clock } from '@exam/platform';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { ProviderName } from '../order/order.entity';
import type { ProviderNotice, RawCallback } from '../provider/payment-provider';
import { PaymentProviders } from '../provider/payment-providers';
import { RefundSettlementService } from '../refund/refund-settlement.service';
import { CallbackRefusedError } from './callback.errors';
import { CallbackRecordRepository } from './callback-record.repository';
import { type CallbackVerdict, PaymentApplicationService } from './payment-application.service';

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
    private readonly payments: PaymentApplicationService,
    private readonly settlement: RefundSettlementService,
    private readonly records: CallbackRecordRepository,
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
          ? await this.payments.applyPayment(tx, providerName, notice, now, 'callback')
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
}
