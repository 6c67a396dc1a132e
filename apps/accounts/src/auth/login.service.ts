import { Inject, Injectable } from '@nestjs/common';
import { Topics, type LoginOutcome } from '@exam/contracts';
import { EventPublisher } from '@exam/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { ACCOUNTS_ENV } from '../config/accounts-env.token';
import type { AccountsEnv } from '../config/accounts.env';
import { PasswordHasher } from '../credentials/password-hasher';
import { MembershipsReader } from '../institutions/memberships.reader';
import { SessionsService, type ClientInfo } from '../sessions/sessions.service';
import { Clock } from '../shared/clock';
import { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AccessTokenIssuer } from './access-token.issuer';
import { invalidCredentials, tooManyAttempts } from './auth.errors';
import { afterFailure, afterSuccess, isLocked, type BruteForceSettings } from './brute-force.policy';
import { IpThrottle } from './ip-throttle';

export interface SignedIn {
  readonly userId: string;
  readonly sessionId: string;
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly sessionExpiresAt: Date;
}

interface AttemptRecord {
  readonly attemptId: string;
  readonly userId: string | undefined;
  readonly outcome: LoginOutcome;
  readonly reason: string | undefined;
  readonly client: ClientInfo;
  readonly at: Date;
}

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
    private readonly sessions: SessionsService,
    private readonly tokens: AccessTokenIssuer,
    private readonly memberships: MembershipsReader,
    private readonly ipThrottle: IpThrottle,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    @Inject(ACCOUNTS_ENV) env: AccountsEnv,
  ) {
    this.bruteForce = {
      failureFactor: env.LOGIN_FAILURE_FACTOR,
      waitIncrementMs: env.LOGIN_WAIT_INCREMENT_SECONDS * 1000,
      maxWaitMs: env.LOGIN_MAX_WAIT_SECONDS * 1000,
      quickLoginCheckMs: env.LOGIN_QUICK_LOGIN_CHECK_MS,
      minimumQuickLoginWaitMs: env.LOGIN_QUICK_LOGIN_WAIT_SECONDS * 1000,
    };
  }

  async signIn(login: string, password: string, client: ClientInfo): Promise<SignedIn> {
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
    if (this.ipThrottle.isThrottled(client.ip)) {
      await this.recordAttempt(record(undefined, 'failure', 'ip_throttled'));
      throw tooManyAttempts();
    }
    const user = await this.users.findByLogin(this.dataSource.manager, login);
    if (user?.status !== 'active' || isLocked(user, now)) {
      await this.hasher.burn(password);
      this.ipThrottle.recordFailure(client.ip);
      if (user === null) await this.recordAttempt(record(undefined, 'failure', 'unknown_account'));
      else if (user.status !== 'active') await this.recordAttempt(record(user.id, 'failure', 'not_activated'));
      else await this.recordAttempt(record(user.id, 'locked', 'account_locked'));
      throw invalidCredentials();
    }
    const check = await this.hasher.check(user.passwordHash, password);
    if (!check.matches) {
      this.ipThrottle.recordFailure(client.ip);
      await this.recordFailure(user.id, record(user.id, 'failure', 'wrong_password'));
      throw invalidCredentials();
    }
    const rehashed = check.needsRehash ? await this.hasher.hash(password) : undefined;
    return this.dataSource.transaction(async (manager) => {
      const current = await manager.findOneOrFail(UserEntity, { where: { id: user.id }, lock: { mode: 'pessimistic_write' } });
      Object.assign(current, afterSuccess());
      if (rehashed !== undefined) current.passwordHash = rehashed;
      await manager.save(current);
      const memberships = await this.memberships.of(manager, current.id);
      const session = await this.sessions.open(manager, current.id, client);
      await this.stageAttempt(manager, record(current.id, 'success'));
      const access = this.tokens.issue(current.id, session.sessionId, current.roles, memberships);
      return {
        userId: current.id,
        sessionId: session.sessionId,
        accessToken: access.accessToken,
        expiresIn: access.expiresIn,
        refreshToken: session.refreshToken,
        sessionExpiresAt: session.expiresAt,
      };
    });
  }

  private async recordFailure(userId: string, attempt: AttemptRecord): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOneOrFail(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      const next = afterFailure(user, attempt.at, this.bruteForce);
      Object.assign(user, next);
      await manager.save(user);
      const lockedNow = isLocked(next, attempt.at);
      await this.stageAttempt(manager, lockedNow ? { ...attempt, outcome: 'locked', reason: 'wrong_password_lock_started' } : attempt);
    });
  }

  private async recordAttempt(attempt: AttemptRecord): Promise<void> {
    await this.dataSource.transaction((manager) => this.stageAttempt(manager, attempt));
  }

  private async stageAttempt(manager: EntityManager, attempt: AttemptRecord): Promise<void> {
    await this.events.stage(manager, Topics.LoginAttempted, {
      subjectId: attempt.userId ?? attempt.attemptId,
      payload: {
        attemptId: attempt.attemptId,
        ...(attempt.userId === undefined ? {} : { userId: attempt.userId }),
        outcome: attempt.outcome,
        ...(attempt.reason === undefined ? {} : { reason: attempt.reason }),
        ip: attempt.client.ip.slice(0, 45),
        userAgent: attempt.client.userAgent.slice(0, 512),
        ...(attempt.client.deviceId === undefined ? {} : { deviceId: attempt.client.deviceId }),
        attemptedAt: attempt.at.toISOString(),
      },
    });
  }
}
