import { IsBoolean, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';

export const VERIFICATION_RESULTS = [
  'match',
  'mismatch',
  'not_found',
  'no_photo',
  'face_mismatch',
  'liveness_failed',
  'expired_document',
  'rate_limited',
  'provider_error',
] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];

/** Real-name verification finished. Carries masked values only, never the ID number. */
export class VerificationCompletedV1 {
  @IsUUID() userId!: string;
  @IsUUID() verificationId!: string;
  @IsIn(VERIFICATION_RESULTS) result!: VerificationResult;
  @IsString() @MaxLength(64) maskedName!: string;
  @IsString() @MaxLength(32) maskedIdNumber!: string;
  @IsBoolean() minor!: boolean;
}
