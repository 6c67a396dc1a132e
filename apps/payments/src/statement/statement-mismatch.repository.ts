import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';

import type { ProviderName } from '../order/order.entity';
import type { Mismatch, MismatchKind } from './domain/statement-comparison';
import { type MismatchStatus, StatementMismatchEntity } from './statement-mismatch.entity';

export interface MismatchFilter {
  /** One institution's; `null`: only those that match no order; undefined: all (platform staff). */
  readonly institutionId?: string | null;
  readonly date?: string;
  readonly provider?: ProviderName;
  readonly kind?: MismatchKind;
  readonly status?: MismatchStatus;
  readonly limit: number;
}

const COLUMNS = [
  'id',
  'run_id',
  'provider',
  'statement_date',
  'kind',
  'reference',
  'out_trade_no',
  'provider_trade_no',
  'out_refund_no',
  'order_id',
  'institution_id',
  'platform_amount_fen',
  'provider_amount_fen',
  'platform_status',
  'provider_status',
  'status',
  'detected_at',
  'updated_at',
] as const;

/** Rows per multi-row upsert statement. */
const UPSERT_SLICE = 200;

/** The mismatches found by the daily comparison, and their resolution by staff. */
@Injectable()
export class StatementMismatchRepository {
  constructor(
    @InjectRepository(StatementMismatchEntity)
    private readonly mismatches: Repository<StatementMismatchEntity>,
  ) {}

  /**
   * Writes the run's findings: new ones inserted, ones already known updated in place (their status and
   * resolution kept), open ones this run no longer finds removed. Raw SQL: `INSERT … ON DUPLICATE KEY UPDATE`
   * upsert on (provider, statement_date, kind, reference).
   */
  async replaceDay(
    tx: EntityManager,
    run: { id: string; provider: ProviderName; date: string },
    found: readonly Mismatch[],
    newId: () => string,
    now: Date,
  ): Promise<void> {
    for (let i = 0; i < found.length; i += UPSERT_SLICE) {
      const part = found.slice(i, i + UPSERT_SLICE);
      const values = part.flatMap((m) => [
        newId(),
        run.id,
        run.provider,
        run.date,
        m.kind,
        m.reference,
        m.outTradeNo,
        m.providerTradeNo,
        m.outRefundNo,
        m.orderId,
        m.institutionId,
        m.platformAmountFen,
        m.providerAmountFen,
        m.platformStatus,
        m.providerStatus,
        'open',
        now,
        now,
      ]);
      const row = `(${COLUMNS.map(() => '?').join(', ')})`;
      await tx.query(
        `INSERT INTO payment_statement_mismatches (${COLUMNS.join(', ')}) VALUES ${part.map(() => row).join(', ')}
         ON DUPLICATE KEY UPDATE run_id = VALUES(run_id), out_trade_no = VALUES(out_trade_no),
           provider_trade_no = VALUES(provider_trade_no), out_refund_no = VALUES(out_refund_no),
           order_id = VALUES(order_id), institution_id = VALUES(institution_id),
           platform_amount_fen = VALUES(platform_amount_fen), provider_amount_fen = VALUES(provider_amount_fen),
           platform_status = VALUES(platform_status), provider_status = VALUES(provider_status),
           updated_at = VALUES(updated_at)`,
        values,
      );
    }
    const still = new Set(found.map((m) => `${m.kind}\u0000${m.reference}`));
    const open = await tx.getRepository(StatementMismatchEntity).find({
      where: { provider: run.provider, statementDate: run.date, status: 'open' },
      select: { id: true, kind: true, reference: true },
    });
    const gone = open.filter((m) => !still.has(`${m.kind}\u0000${m.reference}`)).map((m) => m.id);
    if (gone.length > 0) await tx.getRepository(StatementMismatchEntity).delete({ id: In(gone) });
  }

  list(filter: MismatchFilter): Promise<StatementMismatchEntity[]> {
    const query = this.mismatches.createQueryBuilder('m');
    if (filter.institutionId === null) query.andWhere('m.institution_id IS NULL');
    else if (filter.institutionId !== undefined)
      query.andWhere('m.institution_id = :institutionId', { institutionId: filter.institutionId });
    if (filter.date !== undefined) query.andWhere('m.statement_date = :date', { date: filter.date });
    if (filter.provider !== undefined)
      query.andWhere('m.provider = :provider', { provider: filter.provider });
    if (filter.kind !== undefined) query.andWhere('m.kind = :kind', { kind: filter.kind });
    if (filter.status !== undefined) query.andWhere('m.status = :status', { status: filter.status });
    return query
      .orderBy('m.statement_date', 'DESC')
      .addOrderBy('m.detected_at', 'DESC')
      .addOrderBy('m.id', 'ASC')
      .limit(filter.limit)
      .getMany();
  }

  /** The mismatch, locked; for staff only when it belongs to their institution. */
  lock(
    tx: EntityManager,
    id: string,
    institutionId: string | undefined,
  ): Promise<StatementMismatchEntity | null> {
    return tx.getRepository(StatementMismatchEntity).findOne({
      where: institutionId === undefined ? { id } : { id, institutionId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  save(tx: EntityManager, mismatch: StatementMismatchEntity): Promise<StatementMismatchEntity> {
    return tx.getRepository(StatementMismatchEntity).save(mismatch);
  }
}
