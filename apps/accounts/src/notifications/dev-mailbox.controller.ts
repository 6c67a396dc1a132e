import { Public } from '@exam/platform';
import { Controller, Get, Query } from '@nestjs/common';
import { IsString, Length } from 'class-validator';

import { DevMailbox, type MailboxEntry } from './dev-mailbox';

class MailboxQueryDto {
  /** The recipient in any form: 13800000000, +86 138 0000 0000, 138-0000-0000, or an email in any case. */
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
