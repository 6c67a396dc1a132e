import { Clock } from '@exam/platform';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { CallbackRecordRepository } from '../callback/callback-record.repository';
import { PaymentApplicationService } from '../callback/payment-application.service';
import { PaymentsEnv } from '../config/payments.env';
import type { ProviderName } from '../order/order.entity';
import type { RefundState } from '../provider/payment-provider';
import { PaymentProviders } from '../provider/payment-providers';
import { RefundSettlementService } from '../refund/refund-settlement.service';
import {
  decideOrder,
  decideRefund,
  type PaidTrade,
  RECONCILE_LEASE_SECONDS,
  type TradeFinding,
} from './domain/reconciliation-policy';
import { type ClaimedOrder, type ClaimedRefund, ReconciliationRepository } from './reconciliation.repository';

/** What one pass did, for the log and the tests. */
export interface ReconciliationReport {
  readonly ordersChecked: number;
  readonly paymentsApplied: number;
  readonly refundsChecked: number;
  readonly refundsSettled: number;
  /** Queries that could not be made (provider down, timeout, unsigned answer): asked again later. */
  readonly unreachable: number;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Asks the providers about orders and refunds whose callback never came, and settles what they report through
 * the same code as a verified callback (payments) or the refund callback (refunds). Safe on every replica at
 * once: rows are claimed with SKIP LOCKED under a lease, and applying is idempotent on the provider's ids.
 * A provider that cannot be reached is asked again later with backoff; nothing it does escapes as an error.
 */
@Injectable()
export class ReconciliationService {
  private readonly logger = new Logger(ReconciliationService.name);

  constructor(
    private readonly schedule: ReconciliationRepository,
    private readonly providers: PaymentProviders,
    private readonly payments: PaymentApplicationService,
    private readonly settlement: RefundSettlementService,
    private readonly records: CallbackRecordRepository,
    private readonly dataSource: DataSource,
    private readonly env: PaymentsEnv,
    private readonly clock: Clock,
  ) {}

  /** One pass over due orders and due refunds (one batch of each). */
  async reconcileDue(): Promise<ReconciliationReport> {
    const orders = await this.reconcileOrders();
    const refunds = await this.reconcileRefunds();
    return { ...orders, ...refunds, unreachable: orders.unreachable + refunds.unreachable };
  }

  async reconcileOrders(): Promise<{ ordersChecked: number; paymentsApplied: number; unreachable: number }> {
    const now = this.clock.now();
    const claimed = await this.dataSource.transaction((tx) =>
      this.schedule.claimOrders(tx, now, this.leaseUntil(now), this.env.PAYMENTS_RECONCILE_BATCH_SIZE),
    );
    const providersOf = await this.schedule.providersOf(claimed.map((order) => order.id));
    let paymentsApplied = 0;
    let unreachable = 0;
    for (const order of claimed) {
      try {
        const result = await this.reconcileOrder(order, providersOf.get(order.id) ?? []);
        paymentsApplied += result.applied;
        unreachable += result.unreachable;
      } catch (error: unknown) {
        // The lease runs out and another pass tries again.
        this.logger.warn(`reconciliation of order ${order.id} failed (retried later): ${message(error)}`);
      }
    }
    return { ordersChecked: claimed.length, paymentsApplied, unreachable };
  }

  async reconcileRefunds(): Promise<{ refundsChecked: number; refundsSettled: number; unreachable: number }> {
    const now = this.clock.now();
    const claimed = await this.dataSource.transaction((tx) =>
      this.schedule.claimRefunds(tx, now, this.leaseUntil(now), this.env.PAYMENTS_RECONCILE_BATCH_SIZE),
    );
    let refundsSettled = 0;
    let unreachable = 0;
    for (const refund of claimed) {
      try {
        const result = await this.reconcileRefund(refund);
        if (result === 'settled') refundsSettled += 1;
        if (result === 'unreachable') unreachable += 1;
      } catch (error: unknown) {
        this.logger.warn(`reconciliation of refund ${refund.id} failed (retried later): ${message(error)}`);
      }
    }
    return { refundsChecked: claimed.length, refundsSettled, unreachable };
  }

  private async reconcileOrder(
    order: ClaimedOrder,
    providerNames: readonly ProviderName[],
  ): Promise<{ applied: number; unreachable: number }> {
    const findings: TradeFinding[] = [];
    for (const name of providerNames) findings.push(await this.queryTrade(name, order.outTradeNo));
    const now = this.clock.now();
    const decision = decideOrder(
      order.status,
      findings,
      order.attempts,
      now,
      this.env.PAYMENTS_RECONCILE_AFTER_SECONDS,
    );
    let applied = 0;
    for (const { provider, trade } of decision.apply) {
      if (await this.applyFound(provider, order.outTradeNo, trade)) applied += 1;
    }
    await this.schedule.rescheduleOrder(order.id, decision.next.kind === 'retry' ? decision.next.at : null);
    return { applied, unreachable: findings.filter((finding) => !finding.reached).length };
  }

  private async queryTrade(provider: ProviderName, outTradeNo: string): Promise<TradeFinding> {
    try {
      return { provider, reached: true, state: await this.providers.get(provider).query(outTradeNo) };
    } catch (error: unknown) {
      this.logger.warn(`${provider} trade query for ${outTradeNo} failed: ${message(error)}`);
      return { provider, reached: false, detail: message(error) };
    }
  }

  /** Applies a payment the provider reported paid, as its callback would have; true if this call applied it. */
  private async applyFound(provider: ProviderName, outTradeNo: string, trade: PaidTrade): Promise<boolean> {
    const now = this.clock.now();
    const verdict = await this.dataSource.transaction(async (tx) => {
      const result = await this.payments.applyPayment(
        tx,
        provider,
        {
          kind: 'payment',
          outTradeNo,
          providerTradeNo: trade.providerTradeNo,
          amountFen: trade.amountFen,
          currency: trade.currency,
          paidAt: trade.paidAt,
          // The trade queries' answers are not read for the payer's channel: nothing to keep.
          payerChannel: null,
        },
        now,
        'query',
      );
      await this.records.record(tx, {
        provider,
        kind: 'query',
        outcome: result.outcome,
        outTradeNo,
        providerRef: trade.providerTradeNo,
        amountFen: trade.amountFen,
        detail: `trade query: ${result.detail}`.slice(0, 200),
        receivedAt: now,
      });
      return result;
    });
    if (verdict.outcome === 'mismatch')
      this.logger.error(`${provider} reports ${outTradeNo} paid with another amount: ${verdict.detail}`);
    else if (verdict.outcome !== 'duplicate')
      this.logger.log(`${outTradeNo}: payment found by querying ${provider}: ${verdict.outcome}`);
    return verdict.outcome === 'applied' || verdict.outcome === 'late_refunded';
  }

  private async reconcileRefund(refund: ClaimedRefund): Promise<'settled' | 'waiting' | 'unreachable'> {
    const outTradeNo = await this.schedule.outTradeNoOf(refund.orderId);
    if (outTradeNo === undefined) return 'waiting';
    let state: RefundState | undefined;
    try {
      state = await this.providers.get(refund.provider).queryRefund({
        outTradeNo,
        outRefundNo: refund.outRefundNo,
      });
    } catch (error: unknown) {
      this.logger.warn(`${refund.provider} refund query for ${refund.outRefundNo} failed: ${message(error)}`);
    }
    const now = this.clock.now();
    const decision = decideRefund(
      state === undefined ? { reached: false } : { reached: true, state },
      refund.attempts,
      now,
      this.env.PAYMENTS_RECONCILE_AFTER_SECONDS,
    );
    if (decision.kind === 'retry') {
      await this.schedule.rescheduleRefund(refund.id, decision.at);
      return state === undefined ? 'unreachable' : 'waiting';
    }
    await this.dataSource.transaction(async (tx) => {
      const result = await this.settlement.onRefundNotice(tx, {
        outRefundNo: refund.outRefundNo,
        providerRefundId: decision.providerRefundId,
        succeeded: decision.succeeded,
      });
      await this.records.record(tx, {
        provider: refund.provider,
        kind: 'query',
        outcome:
          result === 'settled' ? 'refund_settled' : result === 'duplicate' ? 'duplicate' : 'unknown_order',
        outTradeNo,
        providerRef: decision.providerRefundId,
        amountFen: null,
        detail: `refund query: ${decision.succeeded ? 'succeeded' : 'closed'}`,
        receivedAt: now,
      });
    });
    return 'settled';
  }

  private leaseUntil(now: Date): Date {
    return new Date(now.getTime() + RECONCILE_LEASE_SECONDS * 1000);
  }
}
