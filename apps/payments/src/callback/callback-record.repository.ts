import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';

import { CallbackRecordEntity } from './callback-record.entity';

export type CallbackRecord = Omit<CallbackRecordEntity, 'id'>;

/** The log of provider callbacks and their outcomes. */
@Injectable()
export class CallbackRecordRepository {
  constructor(
    @InjectRepository(CallbackRecordEntity) private readonly records: Repository<CallbackRecordEntity>,
  ) {}

  async record(tx: EntityManager | null, record: CallbackRecord): Promise<void> {
    await (tx === null ? this.records : tx.getRepository(CallbackRecordEntity)).insert(record);
  }
}
