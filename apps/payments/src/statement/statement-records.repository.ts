import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';

import { OrderEntity, type ProviderName } from '../order/order.entity';
import { PaymentTransactionEntity } from '../order/payment-transaction.entity';
import { RefundEntity } from '../refund/refund.entity';
import type { MerchantDay } from './domain/merchant-day';
import type { KnownOrder, PlatformPayment, PlatformRefund } from './domain/statement-comparison';

/** IN lists are sent in slices of this many. */
const SLICE = 500;

function slices<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += SLICE) out.push(items.slice(i, i + SLICE));
  return out;
}

interface PaymentRow {
  providerTradeNo: string;
  amountFen: number | string;
  paidAt: Date;
  orderId: string;
  outTradeNo: string;
  institutionId: string;
}

interface RefundRow {
  outRefundNo: string;
  amountFen: number | string;
  status: PlatformRefund['status'];
  settledAt: Date | null;
  orderId: string;
  outTradeNo: string;
  institutionId: string;
}

const within = (at: Date | null, day: MerchantDay): boolean =>
  at !== null && at.getTime() >= day.start.getTime() && at.getTime() < day.end.getTime();

/** Read-only: the platform's payments, refunds and orders as the comparison needs them. */
@Injectable()
export class StatementRecordsRepository {
  constructor(
    @InjectRepository(PaymentTransactionEntity)
    private readonly transactions: Repository<PaymentTransactionEntity>,
    @InjectRepository(RefundEntity) private readonly refunds: Repository<RefundEntity>,
    @InjectRepository(OrderEntity) private readonly orders: Repository<OrderEntity>,
  ) {}

  /** The provider's payments recorded in the day, and any others the statement names by trade number. */
  async payments(
    provider: ProviderName,
    day: MerchantDay,
    named: readonly string[],
  ): Promise<PlatformPayment[]> {
    const query = (): ReturnType<Repository<PaymentTransactionEntity>['createQueryBuilder']> =>
      this.transactions
        .createQueryBuilder('t')
        .innerJoin(OrderEntity, 'o', 'o.id = t.order_id')
        .select([
          't.provider_trade_no AS providerTradeNo',
          't.amount_fen AS amountFen',
          't.paid_at AS paidAt',
          'o.id AS orderId',
          'o.out_trade_no AS outTradeNo',
          'o.institution_id AS institutionId',
        ])
        .where('t.provider = :provider', { provider });
    const rows = await query()
      .andWhere('t.paid_at >= :start AND t.paid_at < :end', { start: day.start, end: day.end })
      .getRawMany<PaymentRow>();
    for (const part of slices(named))
      rows.push(
        ...(await query().andWhere('t.provider_trade_no IN (:...part)', { part }).getRawMany<PaymentRow>()),
      );
    const byNo = new Map<string, PlatformPayment>();
    for (const row of rows)
      byNo.set(row.providerTradeNo, {
        providerTradeNo: row.providerTradeNo,
        outTradeNo: row.outTradeNo,
        orderId: row.orderId,
        institutionId: row.institutionId,
        amountFen: Number(row.amountFen),
        inDay: within(new Date(row.paidAt), day),
      });
    return [...byNo.values()];
  }

  /** The provider's refunds settled in the day, and any others the statement names by merchant refund number. */
  async refundsOf(
    provider: ProviderName,
    day: MerchantDay,
    named: readonly string[],
  ): Promise<PlatformRefund[]> {
    const query = (): ReturnType<Repository<RefundEntity>['createQueryBuilder']> =>
      this.refunds
        .createQueryBuilder('r')
        .innerJoin(OrderEntity, 'o', 'o.id = r.order_id')
        .select([
          'r.out_refund_no AS outRefundNo',
          'r.amount_fen AS amountFen',
          'r.status AS status',
          'r.settled_at AS settledAt',
          'o.id AS orderId',
          'o.out_trade_no AS outTradeNo',
          'o.institution_id AS institutionId',
        ])
        .where('r.provider = :provider', { provider });
    const rows = await query()
      .andWhere("r.status = 'succeeded' AND r.settled_at >= :start AND r.settled_at < :end", {
        start: day.start,
        end: day.end,
      })
      .getRawMany<RefundRow>();
    for (const part of slices(named))
      rows.push(
        ...(await query().andWhere('r.out_refund_no IN (:...part)', { part }).getRawMany<RefundRow>()),
      );
    const byNo = new Map<string, PlatformRefund>();
    for (const row of rows) {
      const settledAt = row.settledAt === null ? null : new Date(row.settledAt);
      byNo.set(row.outRefundNo, {
        outRefundNo: row.outRefundNo,
        outTradeNo: row.outTradeNo,
        orderId: row.orderId,
        institutionId: row.institutionId,
        amountFen: Number(row.amountFen),
        status: row.status,
        inDay: row.status === 'succeeded' && within(settledAt, day),
      });
    }
    return [...byNo.values()];
  }

  /** Orders by merchant order number: who owns a trade the platform did not record. */
  async ordersByOutTradeNo(outTradeNos: readonly string[]): Promise<KnownOrder[]> {
    const found: KnownOrder[] = [];
    for (const part of slices([...new Set(outTradeNos)]))
      for (const order of await this.orders.find({
        where: { outTradeNo: In(part) },
        select: { id: true, outTradeNo: true, institutionId: true },
      }))
        found.push({ outTradeNo: order.outTradeNo, orderId: order.id, institutionId: order.institutionId });
    return found;
  }
}
