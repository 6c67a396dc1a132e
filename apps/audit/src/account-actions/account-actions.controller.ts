import { AuthUser, CurrentUser, Roles } from '@exam/platform';
import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';

import { AccountActionsService } from './account-actions.service';
import { AccountActionResponseDto, RequestAccountActionDto } from './dto/request-account-action.dto';

@Roles('security_analyst', 'platform_admin')
@Controller('accounts')
export class AccountActionsController {
  constructor(private readonly actions: AccountActionsService) {}

  /** 202: accounts carries the action out asynchronously when it consumes the event. */
  @Post(':userId/actions')
  @HttpCode(202)
  async request(
    @Param('userId', new ParseUUIDPipe()) userId: string,
    @Body() body: RequestAccountActionDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AccountActionResponseDto> {
    return Object.assign(
      new AccountActionResponseDto(),
      await this.actions.request(userId, body, user.userId),
    );
  }
}
