import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { Repository } from 'typeorm';

import { KeyChangeEntity } from './key-change.entity';

/** Staff changes of an exam's key, one row per question. */
@Injectable()
export class KeyChangeRepository {
  constructor(@InjectRepository(KeyChangeEntity) private readonly changes: Repository<KeyChangeEntity>) {}

  ofExam(examId: string, tx?: EntityManager): Promise<KeyChangeEntity[]> {
    return (tx ? tx.getRepository(KeyChangeEntity) : this.changes).find({ where: { examId } });
  }

  lockOne(tx: EntityManager, examId: string, questionId: string): Promise<KeyChangeEntity | null> {
    return tx
      .getRepository(KeyChangeEntity)
      .findOne({ where: { examId, questionId }, lock: { mode: 'pessimistic_write' } });
  }

  async save(tx: EntityManager, change: KeyChangeEntity): Promise<void> {
    await tx.getRepository(KeyChangeEntity).save(change);
  }
}
