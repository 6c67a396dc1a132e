import { AllowedWithPendingPolicy, type AuthUser, CurrentUser, RevealsPersonalData } from '@exam/platform';
import { Body, Controller, Get, HttpCode, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

import { clearedRefreshCookie } from '../auth/cookies';
import { AccountsEnv } from '../config/accounts.env';
import { AccountErasureService } from './account-erasure.service';
import {
  ConfirmWithPasswordDto,
  ErasureCompletedDto,
  FullPersonalDataExportDto,
  PersonalDataExportDto,
} from './dto/privacy-requests.dto';
import { PersonalDataExportService } from './personal-data-export.service';

/**
 * My privacy rights on what the accounts service holds: a copy of my data, and cancelling my account. Both stay
 * reachable while a changed privacy policy waits for acceptance: a user who does not agree may leave.
 */
@AllowedWithPendingPolicy()
@Controller('me')
export class PrivacyRequestsController {
  constructor(
    private readonly exports: PersonalDataExportService,
    private readonly erasure: AccountErasureService,
    private readonly env: AccountsEnv,
  ) {}

  /**
   * A machine-readable copy (JSON) of everything accounts holds about me: profile, consents and their history,
   * policy acceptances, sessions, memberships, one-time code metadata, a pending contact change, who saw my data
   * in full and when, my privacy requests. Phone, email and name are masked; `POST me/data-export/full` gives them.
   */
  @Get('data-export')
  async export(@CurrentUser() user: AuthUser): Promise<PersonalDataExportDto> {
    return this.exports.masked(user.userId);
  }

  /**
   * The same copy with full values, after my current password; recorded as a reveal (audited, rate-limited like
   * every reveal). Wrong password: 400 ACCOUNT.CURRENT_PASSWORD_WRONG.
   */
  @RevealsPersonalData()
  @Post('data-export/full')
  @HttpCode(200)
  async exportFull(
    @CurrentUser() user: AuthUser,
    @Body() dto: ConfirmWithPasswordDto,
  ): Promise<FullPersonalDataExportDto> {
    return this.exports.full(user, dto.currentPassword);
  }

  /**
   * Cancels my account (注销) with my current password: every session ends, phone, email, user name, nickname and
   * profile are erased (the phone or email can register again), and every other service is told to erase what it
   * holds within 15 days. 409 PRIVACY.SOLE_INSTITUTION_ADMIN while I am an institution's only administrator.
   */
  @Post('erasure')
  @HttpCode(200)
  async erase(
    @CurrentUser() user: AuthUser,
    @Body() dto: ConfirmWithPasswordDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ErasureCompletedDto> {
    const erased = await this.erasure.erase(user.userId, dto.currentPassword);
    void reply.header('set-cookie', clearedRefreshCookie(this.env.COOKIE_SECURE));
    return Object.assign(new ErasureCompletedDto(), {
      requestId: erased.requestId,
      erasedAt: erased.erasedAt.toISOString(),
      deadline: erased.deadline.toISOString(),
      endedSessions: erased.endedSessions,
    });
  }
}
