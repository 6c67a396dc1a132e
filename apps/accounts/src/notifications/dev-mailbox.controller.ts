import { Public } from '@exam/platform';
import { Controller, Get, Query } from '@nestjs/common';
import { IsString, Length } from 'class-validator';

import { DevMailbox, type MailboxEntry } from './dev-mailbox';

class MailboxQueryDto {
  /** Normalized recipient: +8613800000000 or a lower-case email address. */
  @IsString() @Length(3, 254) to!: string;
}

/** Lets a developer read codes sent in development. Only mounted when NODE_ENV is not production. */
@Public()
@Controller('dev/mailbox')
export class DevMailboxController {
  constructor(private readonly mailbox: DevMailbox) {}

  @Get()
  read(@Query() query: MailboxQueryDto): { messages: MailboxEntry[] } {
    return { messages: this.mailbox.messagesTo(query.to) };
  }
}
