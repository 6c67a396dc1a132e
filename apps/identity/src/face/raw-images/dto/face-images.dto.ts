import { Transform } from 'class-transformer';
import { IsBase64, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import type { FaceEnrolment } from '../../face-enrolment.service';
import type { StoredFaceImagePolicy } from '../face-image-policy.service';
import type { RawImagePurge } from '../face-image-retention.service';

/** ~700 kB of image, the same bound as the plain enrolment route. */
const MAX_IMAGE_BASE64 = 960_000;

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

export class InstitutionEnrolFaceDto {
  /** PNG or JPEG, base64. */
  @IsString() @MaxLength(MAX_IMAGE_BASE64) @IsBase64() image!: string;
  /** Explicit consent to face biometrics for this enrolment (recorded with the policy version). */
  @IsBoolean() consent!: boolean;
  @IsString() @Length(1, 32) consentPolicyVersion!: string;
}

export class InstitutionFaceEnrolmentResponseDto {
  enrolled!: true;
  modelVersion!: string;
  enrolledAt!: string;
  /** Whether the uploaded image was kept for the institution (encrypted) and until when it is erased. */
  rawImageKept!: boolean;
  rawImageExpiresAt!: string | null;

  static from(enrolment: FaceEnrolment): InstitutionFaceEnrolmentResponseDto {
    return Object.assign(new InstitutionFaceEnrolmentResponseDto(), {
      enrolled: true as const,
      modelVersion: enrolment.modelVersion,
      enrolledAt: enrolment.enrolledAt.toISOString(),
      rawImageKept: enrolment.rawImage.kept,
      rawImageExpiresAt: enrolment.rawImage.expiresAt?.toISOString() ?? null,
    });
  }
}

export class RawImagePurgeResponseDto {
  deleted!: number;
  batches!: number;

  static from(purge: RawImagePurge): RawImagePurgeResponseDto {
    return Object.assign(new RawImagePurgeResponseDto(), { deleted: purge.deleted, batches: purge.batches });
  }
}
