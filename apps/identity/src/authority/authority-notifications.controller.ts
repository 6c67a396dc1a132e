import { Public } from '@exam/platform';
import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { IsIn, IsString, Matches } from 'class-validator';

import { AuthorityNotificationsService, type NotificationOutcome } from './authority-notifications.service';

export const NOTIFICATIONS_PATH = 'real-name/authority/notifications';

export class AuthorityNotificationDto {
  @IsIn(['verification.completed']) event!: 'verification.completed';
  @IsString() @Matches(/^[A-Za-z0-9-]{8,64}$/) verificationId!: string;
  @IsString() @Matches(/^[A-Za-z0-9-]{8,64}$/) requestId!: string;
  @IsString() @Matches(/^[a-z_]{1,24}$/) result!: string;
}

/** Callback endpoint of the real-name authority: public, authenticated by the HMAC signature instead. */
@Public()
@Controller(NOTIFICATIONS_PATH)
export class AuthorityNotificationsController {
  constructor(private readonly notifications: AuthorityNotificationsService) {}

  @Post()
  @HttpCode(200)
  async receive(
    @Headers() headers: Record<string, string | string[] | undefined>,
    @Body() dto: AuthorityNotificationDto,
  ): Promise<{ outcome: NotificationOutcome }> {
    // The authority signs compact JSON with this key order (CONTRACT.md), so re-serializing reproduces its bytes.
    const body = JSON.stringify({
      event: dto.event,
      verificationId: dto.verificationId,
      requestId: dto.requestId,
      result: dto.result,
    });
    const outcome = await this.notifications.accept({
      path: `/api/identity/${NOTIFICATIONS_PATH}`,
      headers,
      body,
      verificationId: dto.verificationId,
    });
    return { outcome };
  }
}
