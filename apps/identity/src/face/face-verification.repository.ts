import { deleteInBatches, type PurgeResult } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { PurgeLimits } from '../database/purge-limits';
import { FaceVerificationEntity } from './face-verification.entity';

/** Face-check decisions (face_verifications). */
@Injectable()
export class FaceVerificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(verification: FaceVerificationEntity): Promise<void> {
    await this.dataSource.getRepository(FaceVerificationEntity).insert(verification);
  }

  findOwn(id: string, userId: string, tx?: EntityManager): Promise<FaceVerificationEntity | null> {
    return (tx ?? this.dataSource.manager).findOneBy(FaceVerificationEntity, { id, userId });
  }

  findById(id: string, tx?: EntityManager): Promise<FaceVerificationEntity | null> {
    return (tx ?? this.dataSource.manager).findOneBy(FaceVerificationEntity, { id });
  }

  async markOverturned(tx: EntityManager, id: string, at: Date): Promise<void> {
    await tx.update(FaceVerificationEntity, { id }, { overturnedAt: at });
  }

  async deleteByUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(FaceVerificationEntity, { userId });
  }

  /** Retention: decisions made at or before `cutoff`, except those under an open review. */
  purgeOlderThan(cutoff: Date, limits: PurgeLimits): Promise<PurgeResult> {
    // Raw SQL: set-based bounded bulk delete (the platform's retention primitive).
    return deleteInBatches(
      (sql, parameters) => this.dataSource.query(sql, parameters),
      {
        table: 'face_verifications',
        column: 'created_at',
        where:
          "NOT EXISTS (SELECT 1 FROM face_review_requests r WHERE r.verification_id = face_verifications.id AND r.status = 'open')",
        ...limits,
      },
      cutoff,
    );
  }
}
