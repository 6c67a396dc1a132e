import { randomUUID } from 'node:crypto';

import { deleteInBatches, type PurgeResult } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { PurgeLimits } from '../../database/purge-limits';
import { FaceRawImageEntity } from './face-raw-image.entity';

export interface RawImageToKeep {
  readonly userId: string;
  readonly institutionId: string;
  readonly image: Buffer;
  readonly at: Date;
  readonly expiresAt: Date;
}

function contentTypeOf(image: Buffer): FaceRawImageEntity['contentType'] {
  return image.length > 2 && image[0] === 0xff && image[1] === 0xd8 ? 'image/jpeg' : 'image/png';
}

/** Raw enrolment images kept under an institution's policy (face_raw_images). */
@Injectable()
export class FaceRawImageRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the image encrypted (the field-encryption subscriber binds it to the new row's id). */
  async keep(tx: EntityManager, image: RawImageToKeep): Promise<void> {
    await tx.save(
      Object.assign(new FaceRawImageEntity(), {
        id: randomUUID(),
        userId: image.userId,
        institutionId: image.institutionId,
        image: image.image.toString('base64'),
        contentType: contentTypeOf(image.image),
        createdAt: image.at,
        expiresAt: image.expiresAt,
      }),
    );
  }

  async deleteByInstitution(tx: EntityManager, institutionId: string): Promise<void> {
    await tx.delete(FaceRawImageEntity, { institutionId });
  }

  /** A shorter retention brings the expiry of the institution's kept images forward, never back. */
  async shortenExpiry(tx: EntityManager, institutionId: string, retentionDays: number): Promise<void> {
    // Raw SQL: a set-based bulk update computed per row (LEAST of the old expiry and the new bound).
    await tx.query(
      'UPDATE face_raw_images SET expires_at = LEAST(expires_at, created_at + INTERVAL ? DAY) WHERE institution_id = ?',
      [retentionDays, institutionId],
    );
  }

  /** Every kept image of the user goes (consent withdrawn, guardian consent withdrawn, account erased). */
  async deleteByUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.delete(FaceRawImageEntity, { userId });
  }

  /** Retention: images whose own expiry (from the institution's policy) is at or before `now`. */
  purgeExpired(now: Date, limits: PurgeLimits): Promise<PurgeResult> {
    // Raw SQL: set-based bounded bulk delete (the platform's retention primitive).
    return deleteInBatches(
      (sql, parameters) => this.dataSource.query(sql, parameters),
      { table: 'face_raw_images', column: 'expires_at', ...limits },
      now,
    );
  }
}
