import type { PurgeResult } from '@exam/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsUUID } from 'class-validator';

import type { StoredFaceImagePolicy } from '../face-image-policy.service';

export class InstitutionParamsDto {
  @IsUUID() institutionId!: string;
}

export class SetFaceImagePolicyDto {
  /** Keep the raw enrolment image of candidates who enrol for this institution (encrypted, with an expiry). */
  @IsBoolean() keepRawImage!: boolean;
  /** Required when keeping: whole days, 1 to 365. Must be absent (or null) when not keeping. */
  @Transform(({ value }: { value: unknown }) => (value === null ? undefined : value))
  @IsOptional()
  @IsInt()
  retentionDays?: number;
}

export class FaceImagePolicyResponseDto {
  institutionId!: string;
  keepRawImage!: boolean;
  retentionDays!: number | null;
  updatedAt!: string | null;

  static from(policy: StoredFaceImagePolicy): FaceImagePolicyResponseDto {
    return Object.assign(new FaceImagePolicyResponseDto(), {
      institutionId: policy.institutionId,
      keepRawImage: policy.keepRawImage,
      retentionDays: policy.retentionDays,
      updatedAt: policy.updatedAt?.toISOString() ?? null,
    });
  }
}

export class RawImagePurgeResponseDto {
  deleted!: number;
  batches!: number;

  static from(purge: PurgeResult): RawImagePurgeResponseDto {
    return Object.assign(new RawImagePurgeResponseDto(), { deleted: purge.deleted, batches: purge.batches });
  }
}
