import { Inject, Injectable, Logger } from '@nestjs/common';

import { NOTIFIER, type Notifier } from '../notifications/notifier';
import type { UserEntity } from '../users/user.entity';
import { codeDestinationOf } from '../verification/code-delivery';

/**
 * Tells the owner of an account locked for review, at their proven contact, why they cannot sign in and how to
 * get back in. Sent only after the right password, so a guesser never triggers it.
 */
@Injectable()
export class LockedAccountNotice {
  private readonly logger = new Logger(LockedAccountNotice.name);

  constructor(@Inject(NOTIFIER) private readonly notifier: Notifier) {}

  async send(user: Pick<UserEntity, 'id' | 'phone' | 'email' | 'reviewLockReason'>): Promise<void> {
    const { channel, to } = codeDestinationOf(user);
    const staff = user.reviewLockReason === 'staff_lock';
    const why = staff
      ? 'security staff locked it'
      : 'a sign-in to it looked like someone else was using your password';
    const way = staff
      ? "To get it back, contact your institution or the platform's security staff to appeal."
      : `To unlock it, reset your password with "Forgot password": we send a code to this ${channel === 'sms' ? 'phone' : 'address'}. You can also contact your institution or the platform's security staff to appeal.`;
    try {
      await this.notifier.send({
        channel,
        to,
        subject: 'Your account is locked for your protection',
        text: `Your exam platform account is locked because ${why}. ${way}`,
      });
    } catch (error: unknown) {
      // The sign-in answer already says the same; a mail outage must not turn it into a 500.
      this.logger.warn(`locked-account notice for ${user.id} not sent: ${String(error)}`);
    }
  }
}
