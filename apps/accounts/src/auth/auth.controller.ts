import { AllowedWithPendingPolicy, type AuthUser, Clock, CurrentUser, Public } from '@exam/platform';
import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { AccountsEnv } from '../config/accounts.env';
import { SessionsService } from '../sessions/sessions.service';
import { clientInfoOf } from './client-info';
import { clearedRefreshCookie, readCookie, REFRESH_COOKIE, refreshCookie } from './cookies';
import { LoginDto, StepUpDto, TokenResponseDto, VerificationRequiredDto } from './dto/login.dto';
import { LoginService } from './login.service';
import { RefreshService } from './refresh.service';
import { replySignedIn, toTokenResponse } from './signed-in.reply';
import { StepUpService } from './step-up.service';

@Controller('auth')
export class AuthController {
  constructor(
    private readonly logins: LoginService,
    private readonly refreshes: RefreshService,
    private readonly sessions: SessionsService,
    private readonly stepUp: StepUpService,
    private readonly env: AccountsEnv,
    private readonly clock: Clock,
  ) {}

  /**
   * Body `{ login, password }`. 200: access token in the body, refresh token in an httpOnly cookie.
   * 202: the password was right but the sign-in must be confirmed with a code (`POST auth/step-up`).
   */
  @Public()
  @Post('login')
  @HttpCode(200)
  async login(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() dto: LoginDto,
  ): Promise<TokenResponseDto | VerificationRequiredDto> {
    const client = clientInfoOf(request);
    const result = await this.logins.signIn(dto.login, dto.password, client);
    if (result.kind === 'verification_required') {
      void reply.status(202);
      const methods =
        result.challenge.faceTicket === undefined
          ? ['one_time_code' as const]
          : ['one_time_code' as const, 'face' as const];
      return Object.assign(new VerificationRequiredDto(), {
        verificationRequired: true as const,
        method: 'one_time_code' as const,
        methods,
        ...result.challenge,
      });
    }
    return replySignedIn(reply, client, result.signedIn, this.env, this.clock.now());
  }

  @Public()
  @Post('step-up')
  @HttpCode(200)
  async completeStepUp(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() dto: StepUpDto,
  ): Promise<TokenResponseDto> {
    const client = clientInfoOf(request);
    const signedIn = await this.stepUp.complete(dto.challengeId, dto.code, client);
    return replySignedIn(reply, client, signedIn, this.env, this.clock.now());
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TokenResponseDto> {
    try {
      const signedIn = await this.refreshes.refresh(
        readCookie(request, REFRESH_COOKIE),
        clientInfoOf(request),
      );
      void reply.header(
        'set-cookie',
        refreshCookie(signedIn.refreshToken, signedIn.sessionExpiresAt, this.env.COOKIE_SECURE),
      );
      return toTokenResponse(signedIn);
    } catch (error: unknown) {
      void reply.header('set-cookie', clearedRefreshCookie(this.env.COOKIE_SECURE));
      throw error;
    }
  }

  /** Ends this browser's session; works with an expired access token, since only the cookie identifies it. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const token = readCookie(request, REFRESH_COOKIE);
    if (token !== undefined) await this.sessions.endByRefreshToken(token);
    void reply.header('set-cookie', clearedRefreshCookie(this.env.COOKIE_SECURE));
  }

  /** Open even while a policy acceptance is pending: ending a stolen session must never wait. */
  @AllowedWithPendingPolicy()
  @Post('logout-all')
  @HttpCode(200)
  async logoutEverywhere(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ endedSessions: number }> {
    const endedSessions = await this.sessions.endAll(user.userId);
    void reply.header('set-cookie', clearedRefreshCookie(this.env.COOKIE_SECURE));
    return { endedSessions };
  }
}
