import { deleteInBatches, type PurgeResult } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { PurgeLimits } from '../database/purge-limits';
import { FaceReviewEntity, type FaceReviewStatus } from './face-review.entity';

/** Human reviews of face-check decisions (face_review_requests). */
@Injectable()
export class FaceReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  existsFor(tx: EntityManager, verificationId: string): Promise<boolean> {
    return tx.existsBy(FaceReviewEntity, { verificationId });
  }

  async insert(tx: EntityManager, review: FaceReviewEntity): Promise<void> {
    await tx.insert(FaceReviewEntity, review);
  }

  /** The review, row-locked until the transaction ends (one reviewer's verdict wins). */
  lockForUpdate(tx: EntityManager, id: string): Promise<FaceReviewEntity | null> {
    return tx.findOne(FaceReviewEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async resolve(
    tx: EntityManager,
    id: string,
    verdict: Exclude<FaceReviewStatus, 'open'>,
    reviewerId: string,
    note: string,
    at: Date,
  ): Promise<void> {
    await tx.update(
      FaceReviewEntity,
      { id },
      { status: verdict, reviewerId, reviewNote: note, resolvedAt: at },
    );
  }

  findOpen(limit: number): Promise<FaceReviewEntity[]> {
    return this.dataSource
      .getRepository(FaceReviewEntity)
      .find({ where: { status: 'open' }, order: { createdAt: 'ASC' }, take: limit });
  }

  async deleteByUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(FaceReviewEntity, { userId });
  }

  /** Retention: resolved reviews whose decision retention already deleted. */
  purgeOrphaned(now: Date, limits: PurgeLimits): Promise<PurgeResult> {
    // Raw SQL: set-based bounded bulk delete (the platform's retention primitive).
    return deleteInBatches(
      (sql, parameters) => this.dataSource.query(sql, parameters),
      {
        table: 'face_review_requests',
        column: 'created_at',
        where:
          "status <> 'open' AND NOT EXISTS (SELECT 1 FROM face_verifications v WHERE v.id = face_review_requests.verification_id)",
        ...limits,
      },
      now,
    );
  }
}
