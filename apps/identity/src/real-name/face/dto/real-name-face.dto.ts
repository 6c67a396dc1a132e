import { IsBoolean, IsOptional, IsString, Length, ValidateIf } from 'class-validator';

import { AnswerFaceChallengeDto } from '../../../face/dto/face-requests.dto';
import { LIVENESS_SEQUENCE_MAX_SECONDS } from '../../../face/face.policy';
import type { RealNameFaceChallenge } from '../real-name-liveness.service';

export class CreateRealNameFaceChallengeDto {
  /** Consent to face biometrics given now; may be omitted when it is already on file. */
  @IsOptional() @IsBoolean() consent?: boolean;
  /** Required with `consent: true`: the privacy policy version consented to. */
  @ValidateIf((dto: CreateRealNameFaceChallengeDto) => dto.consent === true)
  @IsString()
  @Length(1, 32)
  consentPolicyVersion?: string;
}

/** The answer to a real-name liveness challenge, sent inside the verification request (same shape as a face-check answer). */
export class RealNameFaceAnswerDto extends AnswerFaceChallengeDto {}

export class RealNameFaceChallengeResponseDto {
  challengeId!: string;
  nonce!: string;
  steps!: string[];
  expiresAt!: string;
  /** Take the frames in one go within this many seconds, and send `frameTimesMs` with the answer. */
  sequenceSeconds!: number;

  static from(challenge: RealNameFaceChallenge): RealNameFaceChallengeResponseDto {
    return Object.assign(new RealNameFaceChallengeResponseDto(), {
      challengeId: challenge.challengeId,
      nonce: challenge.nonce,
      steps: [...challenge.steps],
      expiresAt: challenge.expiresAt.toISOString(),
      sequenceSeconds: LIVENESS_SEQUENCE_MAX_SECONDS,
    });
  }
}
