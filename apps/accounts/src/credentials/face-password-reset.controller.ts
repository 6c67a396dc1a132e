import { Public } from '@exam/platform';
import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { FacePasswordResetDto, FaceTicketRequestDto, FaceTicketResponseDto } from '../auth/dto/login.dto';
import { FacePasswordResetService } from './face-password-reset.service';

/**
 * Password recovery by face, for accounts with an enrolled face: the face and a code to the proven phone or
 * email together, an alternative to the code alone.
 */
@Controller('password-resets/face')
export class FacePasswordResetController {
  constructor(private readonly resets: FacePasswordResetService) {}

  /**
   * Body `{ login }`. Always 200 with a face ticket (purpose password_recovery), whether or not the account
   * exists; an existing account is also sent its password-reset code.
   */
  @Public()
  @Post('ticket')
  @HttpCode(200)
  async ticket(
    @Req() request: FastifyRequest,
    @Body() dto: FaceTicketRequestDto,
  ): Promise<FaceTicketResponseDto> {
    return FaceTicketResponseDto.from(await this.resets.start(dto.login, request.ip));
  }

  /**
   * Body `{ faceCheckToken, code, newPassword }`. 204; every session ends, sign in with the new password. The
   * face is closed for recovery for a while after a (re-)enrolment (403 AUTH.FACE_RECENTLY_ENROLLED).
   */
  @Public()
  @Post('confirm')
  @HttpCode(204)
  async confirm(@Body() dto: FacePasswordResetDto): Promise<void> {
    await this.resets.reset(dto.faceCheckToken, dto.code, dto.newPassword);
  }
}
