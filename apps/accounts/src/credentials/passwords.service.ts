import { randomUUID } from 'node:crypto';

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
import { CodeIpThrottle } from '../verification/code-ip-throttle';
import {
  CodeDailyLimitError,
  CodeRejectedError,
  ResendTooSoonError,
} from '../verification/verification.errors';
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
    private readonly ipThrottle: CodeIpThrottle,
  ) {}

  /** Counted per client IP for every login, known or not, so the IP limit says nothing about the account. */
  async requestReset(login: string, ip: string): Promise<void> {
    await this.ipThrottle.admitRequest(ip);
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
      // A cooldown or limit answer would tell a stranger the account exists; the code already sent stays valid.
      if (error instanceof ResendTooSoonError || error instanceof CodeDailyLimitError) return;
      throw error;
    }
    await this.notifier.send({
      channel,
      to,
      subject: 'Reset your password',
      text: codeMessageText('Your password reset code', code, this.env.CODE_TTL_SECONDS),
    });
  }

  /**
   * The code is checked first, and every failure (unknown account, no code, wrong, used, expired, too many
   * guesses) is the same 400 after the same work, so this route cannot tell whether a login is an account. Only
   * the holder of the right code reaches the password policy, which compares the password with the account's
   * phone and email. The code stays live until the new password is stored.
   */
  async confirmReset(login: string, code: string, newPassword: string, ip: string): Promise<void> {
    await this.ipThrottle.admitGuess(ip);
    const found = await this.users.findByLogin(login);
    const user = found?.status === 'active' ? found : null;
    // An unknown login looks up a random id: the same locked read and keyed hash, and never a match.
    if (!(await this.codes.matchesCommitted(user?.id ?? randomUUID(), 'password_reset', code))) {
      await this.ipThrottle.recordWrongGuess(ip);
      throw new CodeRejectedError();
    }
    if (user === null) throw new CodeRejectedError();
    const passwordHash = await this.acceptableHash(user, newPassword);
    const stored = await retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        if ((await this.codes.consume(manager, user.id, 'password_reset', code)) !== 'ok') return false;
        await this.store(manager, user.id, passwordHash, 'reset_by_code');
        return true;
      }),
    );
    if (!stored) throw new CodeRejectedError();
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
