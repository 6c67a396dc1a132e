import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { mailboxAddressOf } from './mailbox-address';
import type { Notifier, OutgoingMessage } from './notifier';

export interface MailboxEntry extends OutgoingMessage {
  readonly sentAt: string;
}

const CAPACITY = 500;

/** Development delivery: keeps the latest messages in memory, readable through the dev mailbox endpoint. */
@Injectable()
export class DevMailbox implements Notifier {
  private readonly entries: MailboxEntry[] = [];

  constructor(private readonly clock: Clock) {}

  send(message: OutgoingMessage): Promise<void> {
    this.entries.push({ ...message, sentAt: this.clock.now().toISOString() });
    if (this.entries.length > CAPACITY) this.entries.splice(0, this.entries.length - CAPACITY);
    return Promise.resolve();
  }

  /** Newest first; `to` in any form of the address (see mailboxAddressOf). */
  messagesTo(to: string): MailboxEntry[] {
    const address = mailboxAddressOf(to);
    return this.entries.filter((entry) => mailboxAddressOf(entry.to) === address).reverse();
  }
}
