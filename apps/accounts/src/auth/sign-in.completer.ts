import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { SessionsService } from '../sessions/sessions.service';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AccessGrant } from './access-grant';
import { afterSuccess } from './brute-force.policy';
import { type AttemptRecord, LoginAttemptsRecorder } from './login-attempts.recorder';

export interface SignedIn {
  readonly userId: string;
  readonly sessionId: string;
  readonly accessToken: string;
  readonly expiresIn: number;
  readonly refreshToken: string;
  readonly sessionExpiresAt: Date;
  /** A materially changed privacy policy the client must have the user accept before anything else. */
  readonly policyToAccept: string | null;
}

/** The last step of every successful sign-in (password, or password + step-up code): session, tokens, event. */
@Injectable()
export class SignInCompleter {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly grants: AccessGrant,
    private readonly attempts: LoginAttemptsRecorder,
  ) {}

  /**
   * Runs in the caller's transaction. The user row is only written when something changes (failure counters to
   * reset, a rehash, a cleared step-up), so the common sign-in costs no extra round trips.
   */
  async complete(
    manager: EntityManager,
    user: UserEntity,
    attempt: AttemptRecord,
    changes: Partial<UserEntity> = {},
  ): Promise<SignedIn> {
    const dirty = user.failedLogins !== 0 || user.lockedUntil !== null || user.lastFailedAt !== null;
    if (dirty || Object.keys(changes).length > 0) {
      await this.users.update(manager, user.id, { ...(dirty ? afterSuccess() : {}), ...changes });
    }
    const session = await this.sessions.open(manager, user.id, attempt.client, attempt.attemptId);
    const access = await this.grants.grant(manager, user, session.sessionId, session.authenticatedAt);
    await this.attempts.stage(manager, attempt, access.memberships);
    return {
      userId: user.id,
      sessionId: session.sessionId,
      accessToken: access.accessToken,
      expiresIn: access.expiresIn,
      refreshToken: session.refreshToken,
      sessionExpiresAt: session.expiresAt,
      policyToAccept: access.policyToAccept,
    };
  }
}
