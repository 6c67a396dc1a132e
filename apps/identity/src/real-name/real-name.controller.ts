import { maskValue } from '@exam/crypto';
import { AuthUser, CurrentUser, Roles } from '@exam/platform';
import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';

import { toAppealResponse } from './appeal.mapper';
import { AppealsService } from './appeals.service';
import { AppealResponseDto, FileAppealDto } from './dto/appeal.dto';
import { RealNamePrefillDto, VerificationOutcomeDto } from './dto/real-name-response.dto';
import { VerifyRealNameDto } from './dto/verify-real-name.dto';
import { RealNameFaceAnswerDto } from './face/dto/real-name-face.dto';
import { RealNameFaceStepService } from './face/real-name-face-step.service';
import { RealNameNotFoundError } from './real-name.errors';
import { RealNameService, type VerificationOutcome } from './real-name.service';

const MESSAGES: Readonly<Record<VerificationOutcome['result'], string>> = {
  match: 'Your real name is verified.',
  mismatch:
    'The name, ID number or card validity period do not match the authority record; check them against your ID card.',
  not_found: 'The authority has no record of this ID number; check it against your ID card.',
  no_photo:
    'The authority holds no photo for this ID number; face verification is not possible, contact support.',
  face_mismatch: 'The face did not match the authority photo.',
  liveness_failed: 'The liveness check failed; try again in good light.',
  expired_document: 'The ID card has expired; renew it and verify with the new card.',
  rate_limited: 'The authority is busy; try again later.',
  provider_error: 'The authority could not answer; try again later.',
};

function messageOf(outcome: VerificationOutcome): string {
  if (outcome.livenessReason === null) return MESSAGES[outcome.result];
  return `The liveness check failed: ${outcome.livenessReason}. Ask for a new challenge and follow its movements, one frame each, in good light.`;
}

function toOutcomeDto(outcome: VerificationOutcome): VerificationOutcomeDto {
  return Object.assign(new VerificationOutcomeDto(), {
    ...outcome,
    warnings: [...outcome.warnings],
    message: messageOf(outcome),
  });
}

/** Candidates' own real-name verification. Every route acts on the caller's own data only. */
@Roles('candidate')
@Controller('real-name')
export class RealNameController {
  constructor(
    private readonly realName: RealNameService,
    private readonly appeals: AppealsService,
    private readonly faceStep: RealNameFaceStepService,
  ) {}

  /**
   * Verifies the caller's real name with the authority, optionally with the face step (`face`: the answer to a
   * challenge from POST /real-name/face-challenges). A liveness failure decided by identity itself sends nothing
   * to the authority and costs nothing; its reason comes back in `livenessReason` (and in `message`).
   */
  @Post('verifications')
  @HttpCode(200)
  async verify(
    @CurrentUser() user: AuthUser,
    @Body() dto: VerifyRealNameDto,
  ): Promise<VerificationOutcomeDto> {
    return toOutcomeDto(await this.realName.verify(user.userId, dto));
  }

  /**
   * The face step for an account already verified by name and ID number: the answer to a challenge from POST
   * /real-name/face-challenges. A match with the authority's photo makes the account face-verified (needed by
   * exams that check faces at entry) and that capture its face template.
   */
  @Post('face-verifications')
  @HttpCode(200)
  async addFace(
    @CurrentUser() user: AuthUser,
    @Body() dto: RealNameFaceAnswerDto,
  ): Promise<VerificationOutcomeDto> {
    return toOutcomeDto(await this.faceStep.addFace(user.userId, dto));
  }

  /** Masked verified data, to pre-fill other flows (exam registration, invoices). */
  @Get('me')
  async prefill(@CurrentUser() user: AuthUser): Promise<RealNamePrefillDto> {
    const record = await this.realName.findVerified(user.userId);
    if (record === null) throw new RealNameNotFoundError();
    return Object.assign(new RealNamePrefillDto(), {
      maskedName: maskValue('name', record.name),
      maskedIdNumber: maskValue('idNumber', record.idNumber),
      validTo: record.validTo,
      minor: record.minor,
      gender: record.gender,
      verifiedAt: record.verifiedAt.toISOString(),
    });
  }

  /** An ID number taken by another account, or a correction of verified data: reviewed by staff. */
  @Post('appeals')
  async appeal(@CurrentUser() user: AuthUser, @Body() dto: FileAppealDto): Promise<AppealResponseDto> {
    return toAppealResponse(await this.appeals.file(user.userId, dto));
  }
}
