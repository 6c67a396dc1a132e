import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { purgeBefore, type PurgeLimits } from '../../database/purge';
import { FaceCheckRedemptionEntity } from './face-check-redemption.entity';

/** Persistence of used face-check tokens (their jti), so each token works once on every replica. */
@Injectable()
export class FaceCheckRedemptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the token as used in the caller's transaction; false when it was used already. */
  async redeemOnce(tx: EntityManager, redemption: FaceCheckRedemptionEntity): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(FaceCheckRedemptionEntity)
      .values(redemption)
      .orIgnore()
      .execute();
    return (result.raw as { affectedRows?: number }).affectedRows === 1;
  }

  /** Retention: records of tokens redeemed before the cutoff (the tokens themselves expired long ago). */
  async purgeRedeemedBefore(cutoff: Date, limits: PurgeLimits): Promise<number> {
    return purgeBefore(
      this.dataSource,
      { table: 'face_check_redemptions', column: 'redeemed_at' },
      cutoff,
      limits,
    );
  }
}
