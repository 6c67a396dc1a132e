import { type AuthUser, CurrentUser, RequiresRecentAuth } from '@exam/platform';
import { Body, Controller, HttpCode, Post } from '@nestjs/common';

import { ContactChangesService } from './contact-changes.service';
import {
  ConfirmContactChangeDto,
  ContactChangedDto,
  ContactChangeStartedDto,
  StartContactChangeDto,
} from './dto/contact-change.dto';

/** Changing my phone or email: the current password starts it, a code sent to the new contact confirms it. */
@Controller('me/contact-changes')
export class ContactsController {
  constructor(private readonly changes: ContactChangesService) {}

  @RequiresRecentAuth()
  @Post()
  @HttpCode(202)
  async start(
    @CurrentUser() user: AuthUser,
    @Body() dto: StartContactChangeDto,
  ): Promise<ContactChangeStartedDto> {
    const started = await this.changes.start(user.userId, dto);
    return Object.assign(new ContactChangeStartedDto(), {
      kind: started.kind,
      channel: started.channel,
      [started.kind]: started.newValue,
      codeExpiresInSeconds: started.codeExpiresInSeconds,
    });
  }

  /** Swaps the contact and ends every other session of mine; this one stays signed in. */
  @Post('confirm')
  @HttpCode(200)
  async confirm(
    @CurrentUser() user: AuthUser,
    @Body() dto: ConfirmContactChangeDto,
  ): Promise<ContactChangedDto> {
    const changed = await this.changes.confirm(user.userId, user.sessionId, dto.code);
    return Object.assign(new ContactChangedDto(), {
      kind: changed.kind,
      [changed.kind]: changed.newValue,
      endedSessions: changed.endedSessions,
    });
  }
}
