import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CurrentUser, Public, Roles, type AuthUser } from '@exam/platform';
import { AcceptPolicyDto, ConsentDto, ConsentPurposeParams, PolicyVersionDto, PublishPolicyDto, SetConsentDto } from './dto/privacy.dto';
import type { PolicyVersionEntity } from './policy-version.entity';
import { PrivacyService, type ConsentState } from './privacy.service';
import { policyVersionNotFound } from './privacy.errors';

function toPolicyDto(entity: PolicyVersionEntity, withText: boolean): PolicyVersionDto {
  return Object.assign(new PolicyVersionDto(), {
    version: entity.version,
    effectiveAt: entity.effectiveAt.toISOString(),
    materialChange: entity.materialChange,
    ...(withText ? { text: entity.text } : {}),
  });
}

function toConsentDto(state: ConsentState): ConsentDto {
  return Object.assign(new ConsentDto(), { ...state, updatedAt: state.updatedAt?.toISOString() ?? null });
}

@Controller()
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  @Public()
  @Get('privacy-policy')
  async current(): Promise<PolicyVersionDto> {
    const current = await this.privacy.current();
    if (current === null) throw policyVersionNotFound();
    return toPolicyDto(current, true);
  }

  @Public()
  @Get('privacy-policy/versions')
  async versions(): Promise<{ versions: PolicyVersionDto[] }> {
    return { versions: (await this.privacy.versions()).map((v) => toPolicyDto(v, false)) };
  }

  @Public()
  @Get('privacy-policy/versions/:version')
  async version(@Param('version') version: string): Promise<PolicyVersionDto> {
    return toPolicyDto(await this.privacy.version(version), true);
  }

  @Roles('platform_admin')
  @Post('privacy-policy/versions')
  async publish(@Body() dto: PublishPolicyDto): Promise<PolicyVersionDto> {
    return toPolicyDto(await this.privacy.publish(dto), false);
  }

  @Post('me/policy-acceptances')
  @HttpCode(204)
  async accept(@CurrentUser() user: AuthUser, @Body() dto: AcceptPolicyDto): Promise<void> {
    await this.privacy.accept(user.userId, dto.version);
  }

  @Get('me/consents')
  async consents(@CurrentUser() user: AuthUser): Promise<{ consents: ConsentDto[] }> {
    return { consents: (await this.privacy.consents(user.userId)).map(toConsentDto) };
  }

  /** One call per purpose; `PUT me/consents/marketing {granted:false}` turns all marketing off. */
  @Put('me/consents/:purpose')
  async setConsent(@CurrentUser() user: AuthUser, @Param() params: ConsentPurposeParams, @Body() dto: SetConsentDto): Promise<ConsentDto> {
    return toConsentDto(await this.privacy.setConsent(user.userId, params.purpose, dto.granted));
  }
}
