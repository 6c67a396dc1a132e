import type { ContactKind, FaceEnrolmentChange, PasswordChangeMethod } from '@exam/contracts';
import { Inject, Injectable } from '@nestjs/common';

import { NOTIFIER, type Notifier } from '../notifications/notifier';
import { UsersRepository } from '../users/users.repository';
import {
  contactChangedNotice,
  faceEnrolmentNotice,
  passwordChangedNotice,
  type SecurityNotice,
} from './security-notice.rules';

/**
 * Tells an account's proven contacts (phone by SMS and email, whichever it has) that a credential, a contact
 * or the enrolled face (identity's event) changed. Driven by the change events, which leave through the outbox in the transaction of the change: a
 * committed change is always told, even if the process stops right after.
 */
@Injectable()
export class SecurityNoticesService {
  constructor(
    private readonly users: UsersRepository,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
  ) {}

  async passwordChanged(userId: string, method: PasswordChangeMethod): Promise<void> {
    await this.tell(userId, passwordChangedNotice(method));
  }

  async contactChanged(userId: string, kind: ContactKind, maskedNewValue: string): Promise<void> {
    await this.tell(userId, contactChangedNotice(kind, maskedNewValue));
  }

  async faceEnrolmentChanged(userId: string, change: FaceEnrolmentChange): Promise<void> {
    await this.tell(userId, faceEnrolmentNotice(change));
  }

  /** The contact that was replaced hears of it directly: after the change it is no longer the account's. */
  async tellReplacedContact(kind: ContactKind, replaced: string, maskedNewValue: string): Promise<void> {
    const notice = contactChangedNotice(kind, maskedNewValue);
    await this.notifier.send({ channel: kind === 'phone' ? 'sms' : 'email', to: replaced, ...notice });
  }

  private async tell(userId: string, notice: SecurityNotice): Promise<void> {
    const user = await this.users.findById(userId);
    if (user?.status !== 'active') return;
    if (user.phone !== null) await this.notifier.send({ channel: 'sms', to: user.phone, ...notice });
    if (user.email !== null) await this.notifier.send({ channel: 'email', to: user.email, ...notice });
  }
}
