import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { Repository } from 'typeorm';

import { ScoreHistoryEntity } from './score-history.entity';

/** The append-only history of every score change of attempts. */
@Injectable()
export class ScoreHistoryRepository {
  constructor(
    @InjectRepository(ScoreHistoryEntity) private readonly history: Repository<ScoreHistoryEntity>,
  ) {}

  async append(tx: EntityManager, rows: Omit<ScoreHistoryEntity, 'id'>[]): Promise<void> {
    if (rows.length > 0) await tx.getRepository(ScoreHistoryEntity).insert(rows);
  }

  ofAttempt(attemptId: string): Promise<ScoreHistoryEntity[]> {
    return this.history.find({ where: { attemptId }, order: { id: 'ASC' }, take: 2000 });
  }
}
