import { FACE_CHECK_PURPOSES, type FaceCheckPurpose } from '@exam/platform/face-check';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBase64,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

import { LIVENESS_CHALLENGE_TTL_SECONDS } from '../face.policy';

/** ~700 kB of image: enough for a 1280×720 JPEG frame, small enough for the 1 MB body limit. */
const MAX_IMAGE_BASE64 = 960_000;
/** Three frames share the body limit. */
const MAX_FRAME_BASE64 = 320_000;

export class EnrolFaceDto {
  /** PNG or JPEG, base64. */
  @IsString() @MaxLength(MAX_IMAGE_BASE64) @IsBase64() image!: string;
  /** Explicit consent to face biometrics for this enrolment (recorded with the policy version). */
  @IsBoolean() consent!: boolean;
  @IsString() @Length(1, 32) consentPolicyVersion!: string;
}

export class CreateFaceChallengeDto {
  @IsIn(FACE_CHECK_PURPOSES) purpose!: FaceCheckPurpose;
  /** Required when purpose is exam_start or exam_proctor (a periodic check during the exam); ignored otherwise. */
  @IsOptional() @IsUUID() examId?: string;
}

export class AnswerFaceChallengeDto {
  @IsUUID() challengeId!: string;
  @IsString() @Length(43, 43) nonce!: string;
  /** One PNG/JPEG frame per challenge step, in the order of the steps, base64. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsString({ each: true })
  @MaxLength(MAX_FRAME_BASE64, { each: true })
  @IsBase64(undefined, { each: true })
  frames!: string[];
  /**
   * When each frame was taken, in milliseconds since the challenge was received, one per frame in the same
   * order: the frames must be one capture session in the order asked (liveness/frame-timing.ts).
   */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(LIVENESS_CHALLENGE_TTL_SECONDS * 1000, { each: true })
  frameTimesMs!: number[];
}

export class RequestFaceReviewDto {
  @IsUUID() verificationId!: string;
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 1000)
  reason!: string;
}

export class ResolveFaceReviewDto {
  @IsIn(['upheld', 'overturned']) verdict!: 'upheld' | 'overturned';
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 1000)
  note!: string;
}

export class ListFaceReviewsQueryDto {
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value))
  @IsIn([10, 50, 100])
  limit?: number;
}

export class VerificationParamsDto {
  @IsUUID() verificationId!: string;
}

export class ReviewParamsDto {
  @IsUUID() reviewId!: string;
}
