import { randomUUID } from 'node:crypto';

import type { LoginOutcome } from '@exam/contracts';
import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AccountsEnv } from '../config/accounts.env';
import { PasswordHasher } from '../credentials/password-hasher';
import type { ClientInfo } from '../sessions/sessions.service';
import { UsersRepository } from '../users/users.repository';
import { InvalidCredentialsError, TooManyAttemptsError } from './auth.errors';
import { afterFailure, type BruteForceSettings, isLocked } from './brute-force.policy';
import { IpThrottle } from './ip-throttle';
import { type AttemptRecord, LoginAttemptsRecorder } from './login-attempts.recorder';
import { type SignedIn, SignInCompleter } from './sign-in.completer';
import { type StepUpChallenge, StepUpService } from './step-up.service';

export type SignInResult =
  | { readonly kind: 'signed_in'; readonly signedIn: SignedIn }
  | { readonly kind: 'verification_required'; readonly challenge: StepUpChallenge };

/**
 * Password sign-in. Unknown, unverified and locked accounts spend one argon2 verification like a wrong
 * password does, and all get the same error, so neither the answer nor its timing tells them apart.
 * Every attempt is recorded as `accounts.login.attempted` through the outbox.
 */
@Injectable()
export class LoginService {
  private readonly bruteForce: BruteForceSettings;

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly ipThrottle: IpThrottle,
    private readonly attempts: LoginAttemptsRecorder,
    private readonly completer: SignInCompleter,
    private readonly stepUp: StepUpService,
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

  async signIn(login: string, password: string, client: ClientInfo): Promise<SignInResult> {
    const attemptId = randomUUID();
    const now = this.clock.now();
    const record = (userId: string | undefined, outcome: LoginOutcome, reason?: string): AttemptRecord => ({
      attemptId,
      userId,
      outcome,
      reason,
      client,
      at: now,
    });
    if (await this.ipThrottle.isThrottled(client.ip)) {
      await this.attempts.record(record(undefined, 'failure', 'ip_throttled'));
      throw new TooManyAttemptsError();
    }
    const user = await this.users.findByLogin(login);
    if (user?.status !== 'active' || isLocked(user, now) || user.reviewLockedAt !== null) {
      await this.hasher.burn(password);
      await this.ipThrottle.recordFailure(client.ip);
      if (user === null) await this.attempts.record(record(undefined, 'failure', 'unknown_account'));
      else if (user.status !== 'active')
        await this.attempts.record(record(user.id, 'failure', 'not_activated'));
      else if (user.reviewLockedAt !== null)
        await this.attempts.record(record(user.id, 'locked', 'locked_for_review'));
      else await this.attempts.record(record(user.id, 'locked', 'account_locked'));
      throw new InvalidCredentialsError();
    }
    const check = await this.hasher.check(user.passwordHash, password);
    if (!check.matches) {
      await this.ipThrottle.recordFailure(client.ip);
      await this.recordFailure(user.id, record(user.id, 'failure', 'wrong_password'));
      throw new InvalidCredentialsError();
    }
    const rehashed = check.needsRehash ? await this.hasher.hash(password) : undefined;
    if (user.stepUpRequired) {
      return {
        kind: 'verification_required',
        challenge: await this.stepUp.challenge(user.id, record(user.id, 'step_up_required')),
      };
    }
    const changes = rehashed === undefined ? {} : { passwordHash: rehashed };
    return this.dataSource.transaction(async (manager) => ({
      kind: 'signed_in' as const,
      signedIn: await this.completer.complete(manager, user, record(user.id, 'success'), changes),
    }));
  }

  private async recordFailure(userId: string, attempt: AttemptRecord): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.lockById(manager, userId);
      if (user === null) return;
      const next = afterFailure(user, attempt.at, this.bruteForce);
      Object.assign(user, next);
      await this.users.save(manager, user);
      const lockedNow = isLocked(next, attempt.at);
      await this.attempts.stage(
        manager,
        lockedNow ? { ...attempt, outcome: 'locked', reason: 'wrong_password_lock_started' } : attempt,
      );
    });
  }
}
