import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { MoneyGroup } from './domain/payment-report';

interface GroupRow {
  day: string;
  kind: 'exam_fee' | 'product';
  examId: string | null;
  productId: string | null;
  productTitle: string | null;
  count: number | string;
  fen: number | string;
}

/** The Shanghai day (UTC+08:00, no daylight saving) of a UTC DATETIME column. */
const shanghaiDay = (column: string): string =>
  `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m-%d')`;

/** Product orders have one line: its product is what a product order (and its refunds) count under. */
const SUBJECT_COLUMNS = `o.kind AS kind, o.exam_id AS examId,
  CASE WHEN o.kind = 'product' THEN i.ref_id END AS productId,
  MAX(CASE WHEN o.kind = 'product' THEN COALESCE(p.title, i.title) END) AS productTitle`;
const SUBJECT_JOINS = `LEFT JOIN payment_order_items i ON i.order_id = o.id AND i.line_no = 1
  LEFT JOIN payment_products p ON p.id = i.ref_id AND o.kind = 'product'`;

/**
 * Sums for the institution reports. Raw SQL: grouped aggregates over orders, items, products and refunds
 * by Shanghai day, which the ORM cannot say; the (institution_id, paid_at) and (institution_id, settled_at)
 * indexes bound both scans to the range.
 */
@Injectable()
export class ReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Paid orders by day and subject (late payments on closed orders are refunded and never counted). */
  async paymentGroups(institutionId: string, startsAt: Date, endsBefore: Date): Promise<MoneyGroup[]> {
    const rows = await this.dataSource.query<GroupRow[]>(
      `SELECT ${shanghaiDay('o.paid_at')} AS day, ${SUBJECT_COLUMNS},
         COUNT(*) AS count, SUM(o.paid_fen) AS fen
       FROM payment_orders o ${SUBJECT_JOINS}
       WHERE o.institution_id = ? AND o.paid_at >= ? AND o.paid_at < ? AND o.paid_fen > 0
       GROUP BY day, o.kind, examId, productId`,
      [institutionId, startsAt, endsBefore],
    );
    return rows.map(toGroup);
  }

  /** Settled refunds of orders by day settled and subject (refunds of late payments are not order money). */
  async refundGroups(institutionId: string, startsAt: Date, endsBefore: Date): Promise<MoneyGroup[]> {
    const rows = await this.dataSource.query<GroupRow[]>(
      `SELECT ${shanghaiDay('r.settled_at')} AS day, ${SUBJECT_COLUMNS},
         COUNT(*) AS count, SUM(r.amount_fen) AS fen
       FROM payment_refunds r
       JOIN payment_orders o ON o.id = r.order_id
       ${SUBJECT_JOINS}
       WHERE r.institution_id = ? AND r.settled_at >= ? AND r.settled_at < ?
         AND r.status = 'succeeded' AND r.source <> 'late_payment'
       GROUP BY day, o.kind, examId, productId`,
      [institutionId, startsAt, endsBefore],
    );
    return rows.map(toGroup);
  }
}

function toGroup(row: GroupRow): MoneyGroup {
  return {
    day: row.day,
    kind: row.kind,
    examId: row.examId,
    productId: row.productId,
    productTitle: row.productTitle,
    count: Number(row.count),
    fen: Number(row.fen),
  };
}
