import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { FaceImagePolicyInvalidError } from './face-image.errors';
import { FaceImagePolicyEntity } from './face-image-policy.entity';
import { FaceImagePolicyRepository } from './face-image-policy.repository';
import {
  checkFaceImagePolicy,
  DEFAULT_FACE_IMAGE_POLICY,
  type FaceImagePolicy,
} from './face-image-policy.rules';
import { FaceRawImageRepository } from './face-raw-image.repository';

export interface StoredFaceImagePolicy extends FaceImagePolicy {
  readonly institutionId: string;
  /** Null while the institution has never set one (the default applies: nothing kept). */
  readonly updatedAt: Date | null;
}

/** An institution's raw-image policy: read by its staff, set by its admin; a stricter policy applies at once. */
@Injectable()
export class FaceImagePolicyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly policies: FaceImagePolicyRepository,
    private readonly rawImages: FaceRawImageRepository,
  ) {}

  async get(institutionId: string): Promise<StoredFaceImagePolicy> {
    const row = await this.policies.findByInstitution(institutionId);
    if (row === null) return { institutionId, ...DEFAULT_FACE_IMAGE_POLICY, updatedAt: null };
    return {
      institutionId,
      keepRawImage: row.keepRawImage,
      retentionDays: row.retentionDays,
      updatedAt: row.updatedAt,
    };
  }

  /**
   * Images already kept follow the new policy: switching keeping off erases them, a shorter retention brings
   * their expiry forward (a longer one never extends what the candidate was told).
   */
  async set(
    institutionId: string,
    input: { keepRawImage: boolean; retentionDays?: number | null },
    actorId: string,
  ): Promise<StoredFaceImagePolicy> {
    const checked = checkFaceImagePolicy(input);
    if (!checked.valid)
      throw new FaceImagePolicyInvalidError(checked.violation.field, checked.violation.reason);
    const now = this.clock.now();
    const { policy } = checked;
    await this.dataSource.transaction(async (tx) => {
      await this.policies.upsert(
        tx,
        Object.assign(new FaceImagePolicyEntity(), {
          institutionId,
          keepRawImage: policy.keepRawImage,
          retentionDays: policy.retentionDays,
          updatedBy: actorId,
          updatedAt: now,
        }),
      );
      if (!policy.keepRawImage || policy.retentionDays === null) {
        await this.rawImages.deleteByInstitution(tx, institutionId);
        return;
      }
      await this.rawImages.shortenExpiry(tx, institutionId, policy.retentionDays);
    });
    return { institutionId, ...policy, updatedAt: now };
  }
}
