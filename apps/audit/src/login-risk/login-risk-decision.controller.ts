import { Public } from '@exam/platform';
import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';

import { AccountsCallerGuard } from './accounts-caller.guard';
import { LoginRiskDecisionDto, LoginRiskDecisionRequestDto } from './dto/login-risk-decision.dto';
import { LoginRiskDecisionService } from './login-risk-decision.service';

/** Internal: accounts asks here before it issues a token; no user token is accepted (see AccountsCallerGuard). */
@Public()
@UseGuards(AccountsCallerGuard)
@Controller('internal/login-risk')
export class LoginRiskDecisionController {
  constructor(private readonly decisions: LoginRiskDecisionService) {}

  @Post('decisions')
  @HttpCode(200)
  async decide(@Body() body: LoginRiskDecisionRequestDto): Promise<LoginRiskDecisionDto> {
    return LoginRiskDecisionDto.of(await this.decisions.decide(body));
  }
}
