import { AllowedWithPendingPolicy, type AuthUser, CurrentUser } from '@exam/platform';
import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe } from '@nestjs/common';

import { SessionResponseDto, sessionViewOf } from './dto/session-response.dto';
import { SessionsService } from './sessions.service';

/** The caller's own sessions (devices): list them and end any one, even while a policy acceptance is pending. */
@AllowedWithPendingPolicy()
@Controller('me/sessions')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Get()
  async list(@CurrentUser() user: AuthUser): Promise<{ sessions: SessionResponseDto[] }> {
    const sessions = await this.sessions.listActive(user.userId);
    return {
      sessions: sessions.map((s) =>
        Object.assign(new SessionResponseDto(), { ...sessionViewOf(s), current: s.id === user.sessionId }),
      ),
    };
  }

  @Delete(':sessionId')
  @HttpCode(204)
  async end(
    @CurrentUser() user: AuthUser,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
  ): Promise<void> {
    await this.sessions.endOne(user.userId, sessionId);
  }
}
