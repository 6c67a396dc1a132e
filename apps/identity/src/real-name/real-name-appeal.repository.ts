import type { RealNameAppealKind } from '@exam/contracts';
import { deleteInBatches, type PurgeResult } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { PurgeLimits } from '../database/purge-limits';
import { type AppealStatus, RealNameAppealEntity } from './real-name-appeal.entity';

/** Real-name appeals and change requests (real_name_appeals). */
@Injectable()
export class RealNameAppealRepository {
  constructor(private readonly dataSource: DataSource) {}

  hasOpen(userId: string, kind: RealNameAppealKind): Promise<boolean> {
    return this.dataSource.getRepository(RealNameAppealEntity).existsBy({ userId, kind, status: 'open' });
  }

  save(appeal: RealNameAppealEntity, tx?: EntityManager): Promise<RealNameAppealEntity> {
    return (tx ?? this.dataSource.manager).save(appeal);
  }

  findPage(status: AppealStatus | undefined, limit: number): Promise<RealNameAppealEntity[]> {
    return this.dataSource.getRepository(RealNameAppealEntity).find({
      where: status === undefined ? {} : { status },
      order: { createdAt: 'ASC' },
      take: limit,
    });
  }

  findById(id: string): Promise<RealNameAppealEntity | null> {
    return this.dataSource.getRepository(RealNameAppealEntity).findOneBy({ id });
  }

  /** The appeal, row-locked until the transaction ends (one decision wins). */
  lockForUpdate(tx: EntityManager, id: string): Promise<RealNameAppealEntity | null> {
    return tx.findOne(RealNameAppealEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async deleteByUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(RealNameAppealEntity, { userId });
  }

  /** Retention: appeals decided at or before `cutoff` (open ones have no decision and stay). */
  purgeDecidedBefore(cutoff: Date, limits: PurgeLimits): Promise<PurgeResult> {
    // Raw SQL: set-based bounded bulk delete (the platform's retention primitive).
    return deleteInBatches(
      (sql, parameters) => this.dataSource.query(sql, parameters),
      { table: 'real_name_appeals', column: 'reviewed_at', where: "status <> 'open'", ...limits },
      cutoff,
    );
  }
}
