import { deleteInBatches, type PurgeResult } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';

import type { PurgeLimits } from '../../database/purge-limits';
import { RealNameFaceChallengeEntity } from './real-name-face-challenge.entity';

/** Liveness challenges of the real-name face step. */
@Injectable()
export class RealNameFaceChallengeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(challenge: RealNameFaceChallengeEntity): Promise<void> {
    await this.dataSource.getRepository(RealNameFaceChallengeEntity).insert(challenge);
  }

  findOwn(id: string, userId: string): Promise<RealNameFaceChallengeEntity | null> {
    return this.dataSource.getRepository(RealNameFaceChallengeEntity).findOneBy({ id, userId });
  }

  /** Marks the challenge used unless it already was; false when another answer claimed it first. */
  async claim(id: string, at: Date): Promise<boolean> {
    const claimed = await this.dataSource
      .getRepository(RealNameFaceChallengeEntity)
      .update({ id, usedAt: IsNull() }, { usedAt: at });
    return claimed.affected === 1;
  }

  async deleteByUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(RealNameFaceChallengeEntity, { userId });
  }

  /** Retention: challenges that expired at or before `cutoff`, used or not, in bounded batches. */
  purgeExpired(cutoff: Date, limits: PurgeLimits): Promise<PurgeResult> {
    // Raw SQL: set-based bounded bulk delete (the platform's retention primitive).
    return deleteInBatches(
      (sql, parameters) => this.dataSource.query(sql, parameters),
      { table: 'real_name_face_challenges', column: 'expires_at', ...limits },
      cutoff,
    );
  }
}
