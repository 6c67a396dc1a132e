import { type AuthUser, Clock, CurrentUser } from '@exam/platform';
import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { clientInfoOf } from '../auth/client-info';
import { TokenResponseDto } from '../auth/dto/login.dto';
import { replySignedIn } from '../auth/signed-in.reply';
import { AccountsEnv } from '../config/accounts.env';
import { ReauthenticateDto } from './dto/password.dto';
import { ReauthenticationService } from './reauthentication.service';

@Controller('auth')
export class ReauthenticationController {
  constructor(
    private readonly reauthentication: ReauthenticationService,
    private readonly env: AccountsEnv,
    private readonly clock: Clock,
  ) {}

  /**
   * Body `{ password }`. 200 as a sign-in: a new session (this one ends) whose access token carries a new
   * `auth_time`, for the routes that answer 403 AUTH.RECENT_AUTHENTICATION_REQUIRED.
   */
  @Post('reauthenticate')
  @HttpCode(200)
  async reauthenticate(
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() dto: ReauthenticateDto,
  ): Promise<TokenResponseDto> {
    const client = clientInfoOf(request);
    const signedIn = await this.reauthentication.reauthenticate(user, dto.password, client);
    return replySignedIn(reply, client, signedIn, this.env, this.clock.now());
  }
}
