import { AllowedWithPendingPolicy, AuthUser, CurrentUser, RequiresRecentAuth, Roles } from '@exam/platform';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';

import {
  AnswerFaceChallengeDto,
  CreateFaceChallengeDto,
  EnrolFaceDto,
  ListFaceReviewsQueryDto,
  RequestFaceReviewDto,
  ResolveFaceReviewDto,
  ReviewParamsDto,
  VerificationParamsDto,
} from './dto/face-requests.dto';
import {
  FaceChallengeResponseDto,
  FaceCheckResponseDto,
  FaceDecisionDto,
  FaceEnrolmentResponseDto,
  FaceReviewResponseDto,
} from './dto/face-responses.dto';
import { FaceCheckService } from './face-check.service';
import { FaceEnrolmentService } from './face-enrolment.service';
import { FaceReviewService } from './face-review.service';

const image = (base64: string): Buffer => Buffer.from(base64, 'base64');

@Controller('face')
export class FaceController {
  constructor(
    private readonly enrolment: FaceEnrolmentService,
    private readonly checks: FaceCheckService,
    private readonly reviews: FaceReviewService,
  ) {}

  /** Needs a recent sign-in (403 AUTH.RECENT_AUTHENTICATION_REQUIRED): a face opens face sign-in and recovery. */
  @RequiresRecentAuth()
  @Post('enrolment')
  async enrol(@CurrentUser() user: AuthUser, @Body() dto: EnrolFaceDto): Promise<FaceEnrolmentResponseDto> {
    const enrolment = await this.enrolment.enrol({
      userId: user.userId,
      image: image(dto.image),
      consent: dto.consent,
      consentPolicyVersion: dto.consentPolicyVersion,
    });
    return FaceEnrolmentResponseDto.from(enrolment);
  }

  /** Withdraws face-biometrics consent: the template is erased and face checks stop. Open while a policy acceptance is pending. */
  @AllowedWithPendingPolicy()
  @RequiresRecentAuth()
  @Delete('enrolment')
  @HttpCode(204)
  async withdraw(@CurrentUser() user: AuthUser): Promise<void> {
    await this.enrolment.withdraw(user.userId);
  }

  @Post('challenges')
  async challenge(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateFaceChallengeDto,
  ): Promise<FaceChallengeResponseDto> {
    return FaceChallengeResponseDto.from(
      await this.checks.createChallenge(user.userId, dto.purpose, dto.examId),
    );
  }

  /** 200 for both outcomes: a failed face check is a decision (stored, explained, appealable), not an error. */
  @Post('checks')
  @HttpCode(200)
  async check(
    @CurrentUser() user: AuthUser,
    @Body() dto: AnswerFaceChallengeDto,
  ): Promise<FaceCheckResponseDto> {
    const decision = await this.checks.check({
      userId: user.userId,
      challengeId: dto.challengeId,
      nonce: dto.nonce,
      frames: dto.frames.map(image),
      frameTimesMs: dto.frameTimesMs,
    });
    return FaceCheckResponseDto.from(decision);
  }

  @Post('reviews')
  async requestReview(
    @CurrentUser() user: AuthUser,
    @Body() dto: RequestFaceReviewDto,
  ): Promise<FaceReviewResponseDto> {
    return FaceReviewResponseDto.from(
      await this.reviews.request(user.userId, dto.verificationId, dto.reason),
    );
  }

  /** The user's own face decision with its explanation (distance, threshold, model version, reason). */
  @Get('checks/:verificationId')
  async decision(
    @CurrentUser() user: AuthUser,
    @Param() params: VerificationParamsDto,
  ): Promise<FaceDecisionDto> {
    return FaceDecisionDto.from(await this.reviews.decisionOf(user.userId, params.verificationId));
  }

  @Patch('reviews/:reviewId')
  @Roles('security_analyst', 'platform_admin')
  async resolveReview(
    @CurrentUser() user: AuthUser,
    @Param() params: ReviewParamsDto,
    @Body() dto: ResolveFaceReviewDto,
  ): Promise<FaceReviewResponseDto> {
    return FaceReviewResponseDto.from(
      await this.reviews.resolve(params.reviewId, user.userId, dto.verdict, dto.note),
    );
  }

  @Get('reviews')
  @Roles('security_analyst', 'platform_admin')
  async openReviews(@Query() query: ListFaceReviewsQueryDto): Promise<FaceReviewResponseDto[]> {
    return (await this.reviews.open(query.limit ?? 50)).map((item) => FaceReviewResponseDto.from(item));
  }
}
