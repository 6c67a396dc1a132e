import { randomUUID } from 'node:crypto';

import { deleteInBatches, type PurgeResult } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { PurgeLimits } from '../../database/purge-limits';
import { FaceImagePolicyEntity } from './face-image-policy.entity';
import { DEFAULT_FACE_IMAGE_POLICY, type FaceImagePolicy } from './face-image-policy.rules';
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

/** Raw enrolment images and the policies that allow them: reads, one insert, and erasure by user. */
@Injectable()
export class FaceRawImageRepository {
  constructor(private readonly dataSource: DataSource) {}

  async policyOf(institutionId: string): Promise<FaceImagePolicy> {
    const row = await this.dataSource.getRepository(FaceImagePolicyEntity).findOneBy({ institutionId });
    return row === null
      ? DEFAULT_FACE_IMAGE_POLICY
      : { keepRawImage: row.keepRawImage, retentionDays: row.retentionDays };
  }

  /** Stores the image encrypted (the field-encryption subscriber binds it to the new row's id). */
  async keep(manager: EntityManager, image: RawImageToKeep): Promise<void> {
    await manager.save(
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

  /** Every kept image of the user goes (consent withdrawn, guardian consent withdrawn, account erased). */
  async eraseUser(manager: EntityManager, userId: string): Promise<void> {
    await manager.delete(FaceRawImageEntity, { userId });
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
