import { type ContactKind, Topics } from '@exam/contracts';
import { maskValue } from '@exam/crypto';
import { EventPublisher, retryOnDeadlock } from '@exam/platform';
import { Clock } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';

import { PasswordRecheck } from '../auth/password-recheck';
import { AccountsEnv } from '../config/accounts.env';
import { CurrentPasswordWrongError } from '../credentials/credentials.errors';
import { NOTIFIER, type Notifier } from '../notifications/notifier';
import { ContactTakenError } from '../registration/registration.errors';
import { SessionsService } from '../sessions/sessions.service';
import { normalizeEmail, normalizeMainlandMobile } from '../users/contact';
import { OneContactOnlyError } from '../users/users.errors';
import { UsersRepository } from '../users/users.repository';
import { codeMessageText } from '../verification/code-delivery';
import { VerificationCodesService } from '../verification/verification-codes.service';
import { ContactChangeEntity } from './contact-change.entity';
import { ContactChangeRepository } from './contact-change.repository';
import { NoContactChangePendingError, SameContactError } from './contacts.errors';
import { SecurityNoticesService } from './security-notices.service';

export interface ContactChangeRequest {
  readonly phone?: string;
  readonly email?: string;
  readonly currentPassword: string;
}

export interface ContactChangeStarted {
  readonly kind: ContactKind;
  readonly channel: 'sms' | 'email';
  readonly newValue: string;
  readonly codeExpiresInSeconds: number;
}

export interface ContactChanged {
  readonly kind: ContactKind;
  readonly newValue: string;
  readonly endedSessions: number;
}

function isDuplicateContact(error: unknown): ContactKind | null {
  if (!(error instanceof QueryFailedError) || !/Duplicate entry/.test(error.message)) return null;
  if (error.message.includes('ux_users_phone_bidx')) return 'phone';
  if (error.message.includes('ux_users_email_bidx')) return 'email';
  return null;
}

/**
 * Changing the phone or email of a signed-in user: the current password starts it, a one-time code sent to the
 * NEW contact proves it. The swap ends the user's other sessions and is published with the new value masked.
 */
@Injectable()
export class ContactChangesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly changes: ContactChangeRepository,
    private readonly recheck: PasswordRecheck,
    private readonly codes: VerificationCodesService,
    private readonly sessions: SessionsService,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
    private readonly env: AccountsEnv,
    private readonly notices: SecurityNoticesService,
  ) {}

  async start(userId: string, input: ContactChangeRequest): Promise<ContactChangeStarted> {
    if (input.phone !== undefined && input.email !== undefined)
      throw new OneContactOnlyError('phone', 'email');
    const kind: ContactKind = input.phone === undefined ? 'email' : 'phone';
    const newValue =
      input.phone === undefined ? normalizeEmail(input.email ?? '') : normalizeMainlandMobile(input.phone);
    const user = await this.users.findById(userId);
    if (user?.status !== 'active') throw new CurrentPasswordWrongError();
    await this.recheck.confirm(user, input.currentPassword);
    if ((kind === 'phone' ? user.phone : user.email) === newValue) throw new SameContactError(kind);
    const channel = kind === 'phone' ? 'sms' : 'email';
    const code = await this.dataSource.transaction(async (manager) => {
      await this.assertFree(manager, userId, kind, newValue);
      const issued = await this.codes.issue(manager, userId, 'contact_change', channel);
      // One pending change per user: the latest request (and its code) replaces any earlier one.
      await this.changes.replace(
        manager,
        Object.assign(new ContactChangeEntity(), { userId, kind, newValue, requestedAt: this.clock.now() }),
      );
      return issued.code;
    });
    await this.notifier.send({
      channel,
      to: newValue,
      subject: 'Confirm your new contact',
      text: codeMessageText(
        `Your code to confirm this ${kind === 'phone' ? 'phone number' : 'email address'} for your exam platform account`,
        code,
        this.env.CODE_TTL_SECONDS,
      ),
    });
    return { kind, channel, newValue, codeExpiresInSeconds: this.env.CODE_TTL_SECONDS };
  }

  /** A wrong code is counted (committed) before the request fails, so the attempt limit holds. */
  async confirm(userId: string, currentSessionId: string, code: string): Promise<ContactChanged> {
    let outcome: ContactChanged | number;
    // Set inside the transaction: the contact this change replaces, told once the change is committed.
    const replaced: { value: string | null } = { value: null };
    try {
      outcome = await retryOnDeadlock(() =>
        this.dataSource.transaction(async (manager) => {
          const pending = await this.changes.findOfUser(manager, userId);
          if (pending === null) throw new NoContactChangePendingError();
          const consumed = await this.codes.consume(manager, userId, 'contact_change', code);
          if (consumed !== 'ok') return consumed;
          await this.assertFree(manager, userId, pending.kind, pending.newValue);
          const user = await this.users.lockById(manager, userId);
          if (user === null) throw new NoContactChangePendingError();
          replaced.value = pending.kind === 'phone' ? user.phone : user.email;
          if (pending.kind === 'phone') user.phone = pending.newValue;
          else user.email = pending.newValue;
          // save() re-encrypts the column and recomputes its blind index; the unique index settles races.
          await this.users.save(manager, user);
          await this.changes.deleteOfUser(manager, userId);
          const endedSessions = await this.sessions.endOthersWithin(
            manager,
            userId,
            currentSessionId,
            'contact_changed',
          );
          await this.events.stage(manager, Topics.ContactChanged, {
            subjectId: userId,
            payload: {
              userId,
              kind: pending.kind,
              maskedNewValue: maskValue(pending.kind, pending.newValue),
              changedAt: this.clock.now().toISOString(),
            },
          });
          return { kind: pending.kind, newValue: pending.newValue, endedSessions };
        }),
      );
    } catch (error: unknown) {
      const duplicate = isDuplicateContact(error);
      if (duplicate !== null) throw new ContactTakenError(duplicate);
      throw error;
    }
    if (typeof outcome === 'number') throw VerificationCodesService.wrong(outcome);
    if (replaced.value !== null && replaced.value !== outcome.newValue)
      await this.notices.tellReplacedContact(
        outcome.kind,
        replaced.value,
        maskValue(outcome.kind, outcome.newValue),
      );
    return outcome;
  }

  /** Someone else (active or pending) holding the value would make the swap fail on the unique index. */
  private async assertFree(
    manager: EntityManager,
    userId: string,
    kind: ContactKind,
    value: string,
  ): Promise<void> {
    const holder = await this.users.findByContact(manager, kind, value);
    if (holder !== null && holder.id !== userId) throw new ContactTakenError(kind);
  }
}
