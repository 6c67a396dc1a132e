import { deleteInBatches, type PurgeResult } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';

import type { PurgeLimits } from '../database/purge-limits';
import { FaceChallengeEntity } from './face-challenge.entity';

/** Liveness challenges of face checks (signed-in and pre-sign-in). */
@Injectable()
export class FaceChallengeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(challenge: FaceChallengeEntity): Promise<void> {
    await this.dataSource.getRepository(FaceChallengeEntity).insert(challenge);
  }

  findOwn(id: string, userId: string): Promise<FaceChallengeEntity | null> {
    return this.dataSource.getRepository(FaceChallengeEntity).findOneBy({ id, userId });
  }

  /** Marks the challenge used unless it already was; false when another answer claimed it first. */
  async claim(id: string, at: Date): Promise<boolean> {
    const claimed = await this.dataSource
      .getRepository(FaceChallengeEntity)
      .update({ id, usedAt: IsNull() }, { usedAt: at });
    return claimed.affected === 1;
  }

  async deleteByUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(FaceChallengeEntity, { userId });
  }

  /** Retention: challenges that expired at or before `cutoff`, used or not, in bounded batches. */
  purgeExpired(cutoff: Date, limits: PurgeLimits): Promise<PurgeResult> {
    // Raw SQL: set-based bounded bulk delete (the platform's retention primitive).
    return deleteInBatches(
      (sql, parameters) => this.dataSource.query(sql, parameters),
      { table: 'face_challenges', column: 'expires_at', ...limits },
      cutoff,
    );
  }
}
