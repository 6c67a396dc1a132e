import {
  AllowedWithPendingPolicy,
  type AuthUser,
  CurrentUser,
  PolicyAcceptanceRequiredError,
  Public,
  Roles,
} from '@exam/platform';
import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';

import { toPolicyDto } from './dto/policy-version.mapper';
import {
  AcceptPolicyDto,
  ConsentDto,
  ConsentPurposeParams,
  PolicyVersionDto,
  PublishPolicyDto,
  SetConsentDto,
} from './dto/privacy.dto';
import { PolicyVersionNotFoundError } from './privacy.errors';
import { type ConsentState, PrivacyService } from './privacy.service';

function toConsentDto(state: ConsentState): ConsentDto {
  return Object.assign(new ConsentDto(), { ...state, updatedAt: state.updatedAt?.toISOString() ?? null });
}

@Controller()
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  /** The privacy policy in force now, with its text. */
  @Public()
  @Get('privacy-policy')
  async current(): Promise<PolicyVersionDto> {
    const current = await this.privacy.current();
    if (current === null) throw new PolicyVersionNotFoundError();
    return toPolicyDto(current, true);
  }

  /** Every published version, newest first (texts at `privacy-policy/versions/:version`). */
  @Public()
  @Get('privacy-policy/versions')
  async versions(): Promise<{ versions: PolicyVersionDto[] }> {
    return { versions: (await this.privacy.versions()).map((v) => toPolicyDto(v, false)) };
  }

  /** One version with its text; old versions stay readable. */
  @Public()
  @Get('privacy-policy/versions/:version')
  async version(@Param('version') version: string): Promise<PolicyVersionDto> {
    return toPolicyDto(await this.privacy.version(version), true);
  }

  /** Publishes a new, immutable version; `materialChange: true` gates every user's token until they accept it. */
  @Roles('platform_admin')
  @Post('privacy-policy/versions')
  async publish(@Body() dto: PublishPolicyDto): Promise<PolicyVersionDto> {
    return toPolicyDto(await this.privacy.publish(dto), false);
  }

  /**
   * Records that I accepted a policy version in force. After a material change this is the way out of the
   * `AUTH.POLICY_ACCEPTANCE_REQUIRED` gate: accept, then `POST auth/refresh` for a token without the claim.
   */
  @AllowedWithPendingPolicy()
  @Post('me/policy-acceptances')
  @HttpCode(204)
  async accept(@CurrentUser() user: AuthUser, @Body() dto: AcceptPolicyDto): Promise<void> {
    await this.privacy.accept(user.userId, dto.version);
  }

  /** My choice for every optional purpose (off unless I gave it). */
  @AllowedWithPendingPolicy()
  @Get('me/consents')
  async consents(@CurrentUser() user: AuthUser): Promise<{ consents: ConsentDto[] }> {
    return { consents: (await this.privacy.consents(user.userId)).map(toConsentDto) };
  }

  /**
   * One call per purpose; `PUT me/consents/marketing {granted:false}` turns all marketing off. Withdrawing is
   * always possible; giving consent waits until a pending policy change is accepted (403 AUTH.POLICY_ACCEPTANCE_REQUIRED).
   */
  @AllowedWithPendingPolicy()
  @Put('me/consents/:purpose')
  async setConsent(
    @CurrentUser() user: AuthUser,
    @Param() params: ConsentPurposeParams,
    @Body() dto: SetConsentDto,
  ): Promise<ConsentDto> {
    if (dto.granted && user.pendingPolicyVersion !== null)
      throw new PolicyAcceptanceRequiredError(user.pendingPolicyVersion);
    return toConsentDto(await this.privacy.setConsent(user.userId, params.purpose, dto.granted));
  }
}
