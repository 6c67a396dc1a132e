import { type AuthUser, CurrentUser, Public } from '@exam/platform';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';

import { ChangePasswordDto, ConfirmPasswordResetDto, RequestPasswordResetDto } from './dto/password.dto';
import { PasswordsService } from './passwords.service';

@Controller()
export class PasswordsController {
  constructor(private readonly passwords: PasswordsService) {}

  /** Always 202: whether a code was sent reveals nothing about whether the account exists. */
  @Public()
  @Post('password-resets')
  @HttpCode(202)
  async request(@Body() dto: RequestPasswordResetDto): Promise<{ status: 'code_sent_if_account_exists' }> {
    await this.passwords.requestReset(dto.login);
    return { status: 'code_sent_if_account_exists' };
  }

  @Public()
  @Post('password-resets/confirm')
  @HttpCode(204)
  async confirm(@Body() dto: ConfirmPasswordResetDto): Promise<void> {
    await this.passwords.confirmReset(dto.login, dto.code, dto.newPassword);
  }

  /** Ends every session, this one included: sign in again with the new password. */
  @Post('me/password')
  @HttpCode(204)
  async change(@CurrentUser() user: AuthUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.passwords.change(user.userId, dto.currentPassword, dto.newPassword);
  }
}
