import { AuthUser, CurrentUser, Roles } from '@exam/platform';
import { Body, Controller, Get, Param, Put } from '@nestjs/common';

import { RiskPolicyDto, UpdateRiskRuleDto, UpdateRiskThresholdsDto } from './dto/risk-rule.dto';
import { RiskRulesService } from './risk-rules.service';

/** Risk rules are data: analysts read them, platform admins tune them without a deploy. */
@Roles('security_analyst', 'platform_admin')
@Controller('risk')
export class RiskRulesController {
  constructor(private readonly rules: RiskRulesService) {}

  @Get('rules')
  async list(): Promise<RiskPolicyDto> {
    return RiskPolicyDto.of(await this.rules.current());
  }

  @Roles('platform_admin')
  @Put('rules/:code')
  async update(
    @Param('code') code: string,
    @Body() body: UpdateRiskRuleDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RiskPolicyDto> {
    return RiskPolicyDto.of(await this.rules.updateRule(code, body, user.userId));
  }

  @Roles('platform_admin')
  @Put('thresholds')
  async updateThresholds(
    @Body() body: UpdateRiskThresholdsDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RiskPolicyDto> {
    return RiskPolicyDto.of(await this.rules.updateThresholds(body, user.userId));
  }
}
