import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, Repository } from 'typeorm';

import { ResultReleaseEntity } from './result-release.entity';

/** The staff release of an exam's results. */
@Injectable()
export class ResultReleaseRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ResultReleaseEntity) private readonly releases: Repository<ResultReleaseEntity>,
  ) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  find(examId: string, tx?: EntityManager): Promise<ResultReleaseEntity | null> {
    return (tx ? tx.getRepository(ResultReleaseEntity) : this.releases).findOne({ where: { examId } });
  }

  async insert(tx: EntityManager, release: ResultReleaseEntity): Promise<void> {
    await tx.getRepository(ResultReleaseEntity).insert(release);
  }
}
