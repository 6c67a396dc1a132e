import { Topics } from '@exam/contracts';
import { maskValue } from '@exam/crypto';
import { EventPublisher } from '@exam/platform';
import { Clock } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';

import { AccountsEnv } from '../config/accounts.env';
import { PasswordHasher } from '../credentials/password-hasher';
import { assertAcceptablePassword } from '../credentials/password-policy';
import { NOTIFIER, type Notifier } from '../notifications/notifier';
import { PrivacyService } from '../privacy/privacy.service';
import { normalizeEmail, normalizeMainlandMobile } from '../users/contact';
import { UserEntity } from '../users/user.entity';
import { OneContactOnlyError } from '../users/users.errors';
import { UsersRepository } from '../users/users.repository';
import { codeDestinationOf, codeMessageText } from '../verification/code-delivery';
import { VerificationCodesService } from '../verification/verification-codes.service';
import type { StartRegistrationDto } from './dto/start-registration.dto';
import { ContactTakenError, RegistrationNotFoundError, UsernameTakenError } from './registration.errors';

export interface RegistrationStarted {
  readonly registrationId: string;
  readonly channel: 'sms' | 'email';
  readonly phone?: string;
  readonly email?: string;
  readonly codeExpiresInSeconds: number;
}

function isDuplicateKey(error: unknown, key: string): boolean {
  return (
    error instanceof QueryFailedError && /Duplicate entry/.test(error.message) && error.message.includes(key)
  );
}

/**
 * Candidate self-registration: the account stays `pending` until the phone or email is proven with a
 * one-time code. Registering again for a still-pending contact replaces the pending data and re-sends.
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
    @Inject(NOTIFIER) private readonly notifier: Notifier,
    private readonly env: AccountsEnv,
  ) {}

  async start(input: StartRegistrationDto): Promise<RegistrationStarted> {
    if (input.phone !== undefined && input.email !== undefined)
      throw new OneContactOnlyError('phone', 'email');
    const phone = input.phone === undefined ? undefined : normalizeMainlandMobile(input.phone);
    const email = input.email === undefined ? undefined : normalizeEmail(input.email);
    const username = input.username?.toLowerCase();
    const identifiers = [phone, email, email?.split('@')[0], username].filter(
      (v): v is string => v !== undefined,
    );
    assertAcceptablePassword(input.password, { identifiers });
    const channel = phone === undefined ? 'email' : 'sms';
    const contact = phone ?? email ?? '';
    // Cheap refusals before argon2, so a flood of doomed requests costs no hashing (the transaction re-checks).
    const holder = await this.users.findByContact(
      this.dataSource.manager,
      phone === undefined ? 'email' : 'phone',
      contact,
    );
    if (holder?.status === 'active') throw new ContactTakenError(phone === undefined ? 'email' : 'phone');
    const passwordHash = await this.hasher.hash(input.password);

    let result: { userId: string; code: string };
    try {
      result = await this.dataSource.transaction(async (manager) => {
        const existing = await this.users.lockByContact(
          manager,
          phone === undefined ? 'email' : 'phone',
          contact,
        );
        if (existing?.status === 'active')
          throw new ContactTakenError(phone === undefined ? 'email' : 'phone');
        const user = existing ?? new UserEntity();
        Object.assign(user, {
          phone: phone ?? null,
          email: email ?? null,
          username: username ?? null,
          nickname: input.nickname,
          passwordHash,
          fullName: input.fullName ?? null,
          jobTitle: input.jobTitle ?? null,
          company: input.company ?? null,
          education: input.education ?? null,
        });
        await this.users.save(manager, user);
        await this.privacy.acceptAtRegistration(manager, user.id, input.acceptedPolicyVersion);
        const issued = await this.codes.issue(manager, user.id, 'registration', channel);
        return { userId: user.id, code: issued.code };
      });
    } catch (error: unknown) {
      if (isDuplicateKey(error, 'ux_users_username')) throw new UsernameTakenError();
      if (isDuplicateKey(error, 'ux_users_phone_bidx')) throw new ContactTakenError('phone');
      if (isDuplicateKey(error, 'ux_users_email_bidx')) throw new ContactTakenError('email');
      throw error;
    }
    await this.deliver(channel, contact, result.code);
    return {
      registrationId: result.userId,
      channel,
      ...(phone === undefined ? {} : { phone }),
      ...(email === undefined ? {} : { email }),
      codeExpiresInSeconds: this.env.CODE_TTL_SECONDS,
    };
  }

  async resend(registrationId: string): Promise<RegistrationStarted> {
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
  async verify(registrationId: string, code: string): Promise<{ userId: string }> {
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
    if (outcome !== 'ok') throw VerificationCodesService.wrong(outcome);
    return { userId: registrationId };
  }

  private async pendingUser(manager: EntityManager, id: string): Promise<UserEntity> {
    const user = await this.users.lockById(manager, id);
    if (user?.status !== 'pending') throw new RegistrationNotFoundError();
    return user;
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
