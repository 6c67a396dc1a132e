import { AuthUser, CurrentUser, TenantRoles } from '@exam/platform';
import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';

import { EnrolFaceDto } from '../dto/face-requests.dto';
import { FaceEnrolmentResponseDto } from '../dto/face-responses.dto';
import { FaceEnrolmentService } from '../face-enrolment.service';
import {
  FaceImagePolicyResponseDto,
  InstitutionParamsDto,
  SetFaceImagePolicyDto,
} from './dto/face-images.dto';
import { FaceImagePolicyService } from './face-image-policy.service';

/** Institutions' raw-image policies and enrolment for an institution. */
@Controller('face')
export class FaceImagesController {
  constructor(
    private readonly policies: FaceImagePolicyService,
    private readonly enrolment: FaceEnrolmentService,
  ) {}

  /** The institution's raw enrolment image policy (default: images are not kept). Its staff may read it. */
  @Get('institutions/:institutionId/image-policy')
  @TenantRoles('institutionId', ['org_admin', 'org_staff'])
  async policy(@Param() params: InstitutionParamsDto): Promise<FaceImagePolicyResponseDto> {
    return FaceImagePolicyResponseDto.from(await this.policies.get(params.institutionId));
  }

  /**
   * Sets whether raw enrolment images are kept for this institution and for how many days (1-365). Switching
   * keeping off erases the images kept so far; a shorter retention brings their expiry forward.
   */
  @Put('institutions/:institutionId/image-policy')
  @TenantRoles('institutionId', ['org_admin'])
  async setPolicy(
    @CurrentUser() user: AuthUser,
    @Param() params: InstitutionParamsDto,
    @Body() dto: SetFaceImagePolicyDto,
  ): Promise<FaceImagePolicyResponseDto> {
    const policy = await this.policies.set(
      params.institutionId,
      { keepRawImage: dto.keepRawImage, retentionDays: dto.retentionDays ?? null },
      user.userId,
    );
    return FaceImagePolicyResponseDto.from(policy);
  }

  /**
   * Enrolment for an institution the caller belongs to (403 AUTH.TENANT_FORBIDDEN otherwise): like POST
   * /face/enrolment, and the image is kept encrypted only if that institution's policy says so; the response
   * says whether it was kept and until when.
   */
  @Post('institutions/:institutionId/enrolment')
  async enrol(
    @CurrentUser() user: AuthUser,
    @Param() params: InstitutionParamsDto,
    @Body() dto: EnrolFaceDto,
  ): Promise<FaceEnrolmentResponseDto> {
    const enrolment = await this.enrolment.enrol({
      userId: user.userId,
      image: Buffer.from(dto.image, 'base64'),
      consent: dto.consent,
      consentPolicyVersion: dto.consentPolicyVersion,
      institution: { id: params.institutionId, callerInstitutionIds: user.institutionIds() },
    });
    return FaceEnrolmentResponseDto.from(enrolment);
  }
}
