import { randomUUID } from 'node:crypto';

import { type AuthUser, Clock, retryOnDeadlock, UnauthenticatedError } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { TooManyAttemptsError } from '../auth/auth.errors';
import { afterFailure, type BruteForceSettings, isLocked } from '../auth/brute-force.policy';
import { type AttemptRecord, LoginAttemptsRecorder } from '../auth/login-attempts.recorder';
import { type SignedIn, SignInCompleter } from '../auth/sign-in.completer';
import { AccountsEnv } from '../config/accounts.env';
import type { ClientInfo } from '../sessions/sessions.service';
import { SessionsService } from '../sessions/sessions.service';
import { UsersRepository } from '../users/users.repository';
import { ReauthenticationPasswordWrongError } from './credentials.errors';
import { PasswordHasher } from './password-hasher';

/**
 * Proving again, with the password, that the signed-in caller is the account holder: the caller's session is
 * replaced by a new one whose tokens carry a new `auth_time`, so routes marked @RequiresRecentAuth open for a
 * few minutes. A wrong password counts towards the account's sign-in lock like a failed sign-in.
 */
@Injectable()
export class ReauthenticationService {
  private readonly bruteForce: BruteForceSettings;

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly completer: SignInCompleter,
    private readonly attempts: LoginAttemptsRecorder,
    private readonly clock: Clock,
    env: AccountsEnv,
  ) {
    this.bruteForce = {
      failureFactor: env.LOGIN_FAILURE_FACTOR,
      waitIncrementMs: env.LOGIN_WAIT_INCREMENT_SECONDS * 1000,
      maxWaitMs: env.LOGIN_MAX_WAIT_SECONDS * 1000,
      quickLoginCheckMs: env.LOGIN_QUICK_LOGIN_CHECK_SECONDS * 1000,
      minimumQuickLoginWaitMs: env.LOGIN_QUICK_LOGIN_WAIT_SECONDS * 1000,
    };
  }

  async reauthenticate(caller: AuthUser, password: string, client: ClientInfo): Promise<SignedIn> {
    const now = this.clock.now();
    const record = (outcome: AttemptRecord['outcome'], reason: string): AttemptRecord => ({
      attemptId: randomUUID(),
      userId: caller.userId,
      outcome,
      reason,
      client,
      at: now,
    });
    const user = await this.users.findById(caller.userId);
    if (user?.status !== 'active' || user.reviewLockedAt !== null) {
      await this.hasher.burn(password);
      throw new UnauthenticatedError('Sign in again.');
    }
    if (isLocked(user, now)) {
      await this.hasher.burn(password);
      throw new TooManyAttemptsError();
    }
    if (!(await this.hasher.check(user.passwordHash, password)).matches) {
      await this.recordFailure(user.id, record('failure', 'reauthentication_wrong_password'));
      throw new ReauthenticationPasswordWrongError();
    }
    return retryOnDeadlock(() =>
      this.dataSource.transaction(async (manager) => {
        if (!(await this.sessions.endOneWithin(manager, user.id, caller.sessionId, 'ended_by_user')))
          throw new UnauthenticatedError('Your session has ended; sign in again.');
        return this.completer.complete(manager, user, record('success', 'reauthenticated'));
      }),
    );
  }

  private async recordFailure(userId: string, attempt: AttemptRecord): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.lockById(manager, userId);
      if (user === null) return;
      Object.assign(user, afterFailure(user, attempt.at, this.bruteForce));
      await this.users.save(manager, user);
      await this.attempts.stage(manager, attempt);
    });
  }
}
