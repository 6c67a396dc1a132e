import { type AuthUser, CurrentUser, Public, RequiresRecentAuth } from '@exam/platform';
import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { ChangePasswordDto, ConfirmPasswordResetDto, RequestPasswordResetDto } from './dto/password.dto';
import { PasswordsService } from './passwords.service';

@Controller()
export class PasswordsController {
  constructor(private readonly passwords: PasswordsService) {}

  /** Always 202: whether a code was sent reveals nothing about whether the account exists. */
  @Public()
  @Post('password-resets')
  @HttpCode(202)
  async request(
    @Req() request: FastifyRequest,
    @Body() dto: RequestPasswordResetDto,
  ): Promise<{ status: 'code_sent_if_account_exists' }> {
    await this.passwords.requestReset(dto.login, request.ip);
    return { status: 'code_sent_if_account_exists' };
  }

  /** Every wrong, used or expired code, and an unknown login, get the same 400 VERIFICATION.CODE_REJECTED. */
  @Public()
  @Post('password-resets/confirm')
  @HttpCode(204)
  async confirm(@Req() request: FastifyRequest, @Body() dto: ConfirmPasswordResetDto): Promise<void> {
    await this.passwords.confirmReset(dto.login, dto.code, dto.newPassword, request.ip);
  }

  /** Ends every session, this one included: sign in again with the new password. */
  @RequiresRecentAuth()
  @Post('me/password')
  @HttpCode(204)
  async change(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.passwords.change(user.userId, dto.currentPassword, dto.newPassword);
  }
}
