import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';

import { RealNameRecordEntity } from './real-name-record.entity';

/** Verified real names (real_name_records): one per user and one per ID number (unique blind index). */
@Injectable()
export class RealNameRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  existsForUser(userId: string): Promise<boolean> {
    return this.dataSource.getRepository(RealNameRecordEntity).existsBy({ userId });
  }

  findByUser(userId: string, tx?: EntityManager): Promise<RealNameRecordEntity | null> {
    return (tx ?? this.dataSource.manager).findOneBy(RealNameRecordEntity, { userId });
  }

  /** The user holding the ID number with this blind index, or null. */
  async holderOf(idNumberBidx: string, tx?: EntityManager): Promise<{ id: string; userId: string } | null> {
    return (tx ?? this.dataSource.manager).findOne(RealNameRecordEntity, {
      where: { idNumberBidx },
      select: { id: true, userId: true },
    });
  }

  async insert(tx: EntityManager, record: RealNameRecordEntity): Promise<void> {
    await tx.insert(RealNameRecordEntity, record);
  }

  async deleteById(tx: EntityManager, id: string): Promise<void> {
    await tx.delete(RealNameRecordEntity, { id });
  }

  async deleteByUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(RealNameRecordEntity, { userId });
  }
}

/** Whether an insert lost a race on a unique key (two accounts verifying one ID number at once). */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof QueryFailedError && /ER_DUP_ENTRY|Duplicate entry/.test(error.message);
}
