import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { maskValue } from '@exam/crypto';
import { EventPublisher, retryOnDeadlock } from '@exam/platform';
import { Clock } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';

import { AccountsEnv } from '../config/accounts.env';
import { PasswordHasher } from '../credentials/password-hasher';
import { assertAcceptablePassword } from '../credentials/password-policy';
import { NOTIFIER, type Notifier } from '../notifications/notifier';
import { PolicyAcceptanceRepository } from '../privacy/policy-acceptance.repository';
import { PrivacyService } from '../privacy/privacy.service';
import { normalizeEmail, normalizeMainlandMobile } from '../users/contact';
import { UserEntity } from '../users/user.entity';
import { OneContactOnlyError } from '../users/users.errors';
import { UsersRepository } from '../users/users.repository';
import { codeDestinationOf, codeMessageText } from '../verification/code-delivery';
import { CodeIpThrottle } from '../verification/code-ip-throttle';
import { VerificationCodeRepository } from '../verification/verification-code.repository';
import { VerificationCodesService } from '../verification/verification-codes.service';
import type { StartRegistrationDto } from './dto/start-registration.dto';
import { RegistrationNotFoundError, UsernameTakenError } from './registration.errors';

export interface RegistrationStarted {
  readonly registrationId: string;
  readonly channel: 'sms' | 'email';
  readonly phone?: string;
  readonly email?: string;
  readonly codeExpiresInSeconds: number;
}

interface NewRegistration {
  readonly phone: string | undefined;
  readonly email: string | undefined;
  readonly username: string | undefined;
  readonly kind: 'phone' | 'email';
  readonly contact: string;
  readonly channel: 'sms' | 'email';
  readonly passwordHash: string;
}

function isDuplicateKey(error: unknown, key: string): boolean {
  return (
    error instanceof QueryFailedError && /Duplicate entry/.test(error.message) && error.message.includes(key)
  );
}

type StartOutcome =
  { readonly kind: 'started'; readonly userId: string; readonly code: string } | { readonly kind: 'taken' };

/**
 * Candidate self-registration: the account stays `pending` until the phone or email is proven with a
 * one-time code sent for this registration. A pending registration's password is never changed: registering
 * again for a still-pending contact discards the earlier registration (its id stops working) and starts a new
 * one under a new id, known only to this caller, so whoever proves the contact activates their own password.
 * A contact that already has an account gets the same 202, and its owner a notice instead of a code: only the
 * code step tells anything about the contact.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly codes: VerificationCodesService,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    private readonly privacy: PrivacyService,
    private readonly acceptances: PolicyAcceptanceRepository,
    private readonly codeRows: VerificationCodeRepository,
    private readonly ipThrottle: CodeIpThrottle,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
    private readonly env: AccountsEnv,
  ) {}

  async start(input: StartRegistrationDto, ip: string): Promise<RegistrationStarted> {
    if (input.phone !== undefined && input.email !== undefined)
      throw new OneContactOnlyError('phone', 'email');
    const phone = input.phone === undefined ? undefined : normalizeMainlandMobile(input.phone);
    const email = input.email === undefined ? undefined : normalizeEmail(input.email);
    const username = input.username?.toLowerCase();
    const identifiers = [phone, email, email?.split('@')[0], username].filter(
      (v): v is string => v !== undefined,
    );
    assertAcceptablePassword(input.password, { identifiers });
    await this.ipThrottle.admitRequest(ip);
    // Hashed for a taken contact too: the same work either way.
    const passwordHash = await this.hasher.hash(input.password);
    const channel = phone === undefined ? 'email' : 'sms';
    const kind = phone === undefined ? 'email' : 'phone';
    const contact = phone ?? email ?? '';

    let outcome: StartOutcome;
    try {
      outcome = await retryOnDeadlock(() =>
        this.startOnce(input, { phone, email, username, kind, contact, channel, passwordHash }),
      );
    } catch (error: unknown) {
      if (isDuplicateKey(error, 'ux_users_username')) throw new UsernameTakenError();
      // Two first registrations for one contact at once: the other one's row exists now; start again over it.
      if (!isDuplicateKey(error, `ux_users_${kind}_bidx`)) throw error;
      outcome = await this.startOnce(input, { phone, email, username, kind, contact, channel, passwordHash });
    }
    if (outcome.kind === 'taken') await this.tellOwner(channel, contact);
    else await this.deliver(channel, contact, outcome.code);
    return {
      // A taken contact gets an id no registration has: its code step fails like an abandoned one.
      registrationId: outcome.kind === 'taken' ? randomUUID() : outcome.userId,
      channel,
      ...(phone === undefined ? {} : { phone }),
      ...(email === undefined ? {} : { email }),
      codeExpiresInSeconds: this.env.CODE_TTL_SECONDS,
    };
  }

  private async startOnce(input: StartRegistrationDto, data: NewRegistration): Promise<StartOutcome> {
    return this.dataSource.transaction(async (manager) => {
      // A plain read first, then a lock on the row found by its id: locking a contact that has no row yet
      // takes a gap lock, and two first registrations in one gap then deadlock on their inserts. A race for
      // the same new contact ends on the unique index instead (the caller starts again over the winner).
      const seen = await this.users.findByContact(manager, data.kind, data.contact);
      const existing = seen === null ? null : await this.users.lockById(manager, seen.id);
      if (existing !== null && existing.status !== 'pending') return { kind: 'taken' as const };
      const user = Object.assign(new UserEntity(), {
        phone: data.phone ?? null,
        email: data.email ?? null,
        username: data.username ?? null,
        nickname: input.nickname,
        passwordHash: data.passwordHash,
        fullName: input.fullName ?? null,
        jobTitle: input.jobTitle ?? null,
        company: input.company ?? null,
        education: input.education ?? null,
      });
      if (existing !== null) {
        // The earlier registration ends here, untouched; its code row (cooldown, daily counters) moves over.
        await this.acceptances.deleteAllOfUser(manager, existing.id);
        await this.users.deletePending(manager, existing.id);
      }
      await this.users.save(manager, user);
      if (existing !== null) await this.codeRows.moveToUser(manager, existing.id, user.id, 'registration');
      await this.privacy.acceptAtRegistration(manager, user.id, input.acceptedPolicyVersion);
      const issued = await this.codes.issue(manager, user.id, 'registration', data.channel);
      return { kind: 'started' as const, userId: user.id, code: issued.code };
    });
  }

  async resend(registrationId: string, ip: string): Promise<RegistrationStarted> {
    await this.ipThrottle.admitRequest(ip);
    const { user, code } = await this.dataSource.transaction(async (manager) => {
      const pending = await this.pendingUser(manager, registrationId);
      const issued = await this.codes.issue(
        manager,
        pending.id,
        'registration',
        codeDestinationOf(pending).channel,
      );
      return { user: pending, code: issued.code };
    });
    const { channel, to } = codeDestinationOf(user);
    await this.deliver(channel, to, code);
    return {
      registrationId: user.id,
      channel,
      ...(user.phone === null ? {} : { phone: user.phone }),
      ...(user.email === null ? {} : { email: user.email }),
      codeExpiresInSeconds: this.env.CODE_TTL_SECONDS,
    };
  }

  /** Proves the contact and activates the account; a wrong code is counted even though the request fails. */
  async verify(registrationId: string, code: string, ip: string): Promise<{ userId: string }> {
    await this.ipThrottle.admitGuess(ip);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const user = await this.pendingUser(manager, registrationId);
      const consumed = await this.codes.consume(manager, user.id, 'registration', code);
      if (consumed !== 'ok') return consumed;
      user.status = 'active';
      user.activatedAt = this.clock.now();
      await this.users.save(manager, user);
      const contact =
        user.phone === null ? maskValue('email', user.email ?? '') : maskValue('phone', user.phone);
      await this.events.stage(manager, Topics.UserRegistered, {
        subjectId: user.id,
        payload: { userId: user.id, kind: 'candidate', maskedContact: contact, nickname: user.nickname },
      });
      return 'ok' as const;
    });
    if (outcome !== 'ok') {
      await this.ipThrottle.recordWrongGuess(ip);
      throw VerificationCodesService.wrong(outcome);
    }
    return { userId: registrationId };
  }

  private async pendingUser(manager: EntityManager, id: string): Promise<UserEntity> {
    const user = await this.users.lockById(manager, id);
    if (user?.status !== 'pending') throw new RegistrationNotFoundError();
    return user;
  }

  /** The owner of a contact that has an account hears of the attempt; nothing is created. */
  private async tellOwner(channel: 'sms' | 'email', to: string): Promise<void> {
    await this.notifier.send({
      channel,
      to,
      subject: 'Someone tried to register with your contact',
      text: 'Someone tried to create an exam platform account with this contact, which already has an account. If it was you, sign in or reset your password; otherwise you need not do anything.',
    });
  }

  private async deliver(channel: 'sms' | 'email', to: string, code: string): Promise<void> {
    await this.notifier.send({
      channel,
      to,
      subject: 'Your verification code',
      text: codeMessageText('Your exam platform verification code', code, this.env.CODE_TTL_SECONDS),
    });
  }
}
