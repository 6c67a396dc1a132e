import { Public } from '@exam/platform';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';

import { FacePasswordResetDto, FaceTicketRequestDto, FaceTicketResponseDto } from '../auth/dto/login.dto';
import { FaceTicketsService } from '../auth/face/face-tickets.service';
import { FacePasswordResetService } from './face-password-reset.service';

/** Password recovery by face, for accounts with an enrolled face: an alternative to the code by SMS or email. */
@Controller('password-resets/face')
export class FacePasswordResetController {
  constructor(
    private readonly tickets: FaceTicketsService,
    private readonly resets: FacePasswordResetService,
  ) {}

  /** Body `{ login }`. Always 200 with a face ticket (purpose password_recovery), whether or not the account exists. */
  @Public()
  @Post('ticket')
  @HttpCode(200)
  async ticket(@Body() dto: FaceTicketRequestDto): Promise<FaceTicketResponseDto> {
    return FaceTicketResponseDto.from(await this.tickets.ticketFor(dto.login, 'password_recovery'));
  }

  /** Body `{ faceCheckToken, newPassword }`. 204; every session ends, sign in with the new password. */
  @Public()
  @Post('confirm')
  @HttpCode(204)
  async confirm(@Body() dto: FacePasswordResetDto): Promise<void> {
    await this.resets.reset(dto.faceCheckToken, dto.newPassword);
  }
}
