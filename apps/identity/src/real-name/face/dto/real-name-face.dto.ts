import { ArrayMaxSize, ArrayMinSize, IsArray, IsBase64, IsBoolean, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import type { RealNameFaceChallenge } from '../real-name-liveness.service';

/** Three frames share the request body limit (about 240 kB each), like the face-check answers. */
const MAX_FRAME_BASE64 = 320_000;

export class CreateRealNameFaceChallengeDto {
  /** Consent to face biometrics given now; may be omitted when it is already on file. */
  @IsOptional() @IsBoolean() consent?: boolean;
  /** Required with `consent: true`: the privacy policy version consented to. */
  @ValidateIf((dto: CreateRealNameFaceChallengeDto) => dto.consent === true)
  @IsString()
  @Length(1, 32)
  consentPolicyVersion?: string;
}

/** The answer to a real-name liveness challenge, sent inside the verification request. */
export class RealNameFaceAnswerDto {
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
}

export class RealNameFaceChallengeResponseDto {
  challengeId!: string;
  nonce!: string;
  steps!: string[];
  expiresAt!: string;

  static from(challenge: RealNameFaceChallenge): RealNameFaceChallengeResponseDto {
    return Object.assign(new RealNameFaceChallengeResponseDto(), {
      challengeId: challenge.challengeId,
      nonce: challenge.nonce,
      steps: [...challenge.steps],
      expiresAt: challenge.expiresAt.toISOString(),
    });
  }
}
