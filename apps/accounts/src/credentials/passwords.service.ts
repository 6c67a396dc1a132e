import { type PasswordChangeMethod, Topics } from '@exam/contracts';
import { EventPublisher, retryOnDeadlock } from '@exam/platform';
import { Clock } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { PasswordRecheck } from '../auth/password-recheck';
import { AccountsEnv } from '../config/accounts.env';
import { NOTIFIER, type Notifier } from '../notifications/notifier';
import { SessionsService } from '../sessions/sessions.service';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { codeDestinationOf, codeMessageText } from '../verification/code-delivery';
import { CodeExpiredError, ResendTooSoonError } from '../verification/verification.errors';
import { VerificationCodesService } from '../verification/verification-codes.service';
import { CurrentPasswordWrongError } from './credentials.errors';
import { PasswordHasher } from './password-hasher';
import { assertAcceptablePassword } from './password-policy';

function identifiersOf(user: UserEntity): string[] {
  return [user.phone, user.email, user.email?.split('@')[0], user.username].filter(
    (v): v is string => v !== null && v !== undefined,
  );
}

/**
 * Password reset by one-time code and password change. Asking for a reset answers the same whether or not the
 * account exists; a change of password ends every session and is published.
 */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly recheck: PasswordRecheck,
    private readonly codes: VerificationCodesService,
    private readonly sessions: SessionsService,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
    private readonly env: AccountsEnv,
  ) {}

  async requestReset(login: string): Promise<void> {
    const user = await this.users.findByLogin(login);
    if (user?.status !== 'active') return;
    const { channel, to } = codeDestinationOf(user);
    let code: string;
    try {
      code = (
        await this.dataSource.transaction((manager) =>
          this.codes.issue(manager, user.id, 'password_reset', channel),
        )
      ).code;
    } catch (error: unknown) {
      // A cooldown answer would tell a stranger the account exists; the code already sent stays valid.
      if (error instanceof ResendTooSoonError) return;
      throw error;
    }
    await this.notifier.send({
      channel,
      to,
      subject: 'Reset your password',
      text: codeMessageText('Your password reset code', code, this.env.CODE_TTL_SECONDS),
    });
  }

  async confirmReset(login: string, code: string, newPassword: string): Promise<void> {
    const found = await this.users.findByLogin(login);
    if (found?.status !== 'active') throw new CodeExpiredError();
    const passwordHash = await this.acceptableHash(found, newPassword);
    const outcome = await retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        const consumed = await this.codes.consume(manager, found.id, 'password_reset', code);
        if (consumed !== 'ok') return consumed;
        await this.store(manager, found.id, passwordHash, 'reset_by_code');
        return 'ok' as const;
      }),
    );
    if (outcome !== 'ok') throw VerificationCodesService.wrong(outcome);
  }

  async change(userId: string, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findById(userId);
    if (user === null) throw new CurrentPasswordWrongError();
    await this.recheck.confirm(user, currentPassword);
    const passwordHash = await this.acceptableHash(user, newPassword);
    await retryOnDeadlock(() =>
      this.dataSource.transaction((manager) => this.store(manager, userId, passwordHash, 'changed_by_user')),
    );
  }

  /** Checks the password policy for this user (400 with the rule), then hashes off the event loop. */
  async acceptableHash(user: UserEntity, newPassword: string): Promise<string> {
    assertAcceptablePassword(newPassword, { identifiers: identifiersOf(user) });
    return this.hasher.hash(newPassword);
  }

  /** New hash, brute-force state cleared, every session ended, change published: one transaction. */
  async store(
    manager: EntityManager,
    userId: string,
    passwordHash: string,
    method: PasswordChangeMethod,
  ): Promise<void> {
    await this.users.update(manager, userId, {
      passwordHash,
      failedLogins: 0,
      lastFailedAt: null,
      lockedUntil: null,
    });
    // A reset by a code to the proven contact is the self-service way out of a risk lock (see LockedAccountNotice).
    if (method === 'reset_by_code') await this.users.clearRiskLock(manager, userId);
    await this.sessions.endAllWithin(manager, userId, 'password_changed');
    await this.events.stage(manager, Topics.PasswordChanged, {
      subjectId: userId,
      payload: { userId, method, changedAt: this.clock.now().toISOString() },
    });
  }
}
