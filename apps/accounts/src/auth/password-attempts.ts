import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AccountsEnv } from '../config/accounts.env';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { afterFailure, type BruteForceSettings, isLocked } from './brute-force.policy';

export type AttemptReservation =
  | { readonly kind: 'locked' }
  /** `user`: the row as reserved (counted as a failure until the password proves right). */
  | { readonly kind: 'reserved'; readonly user: UserEntity; readonly lockStarted: boolean };

/**
 * The account side of brute-force protection, reserve-then-act: every password check on an account (sign-in or a
 * current-password re-check) is first counted as a failure under the user row's lock, and refused when the
 * account is already locked. Parallel guesses queue on that lock, so no more of them reach argon2 than the lock
 * lets through; a right password clears the count again (sign-in completion, `settleRight`).
 */
@Injectable()
export class PasswordAttempts {
  private readonly settings: BruteForceSettings;

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    env: AccountsEnv,
  ) {
    this.settings = {
      failureFactor: env.LOGIN_FAILURE_FACTOR,
      waitIncrementMs: env.LOGIN_WAIT_INCREMENT_SECONDS * 1000,
      maxWaitMs: env.LOGIN_MAX_WAIT_SECONDS * 1000,
      quickLoginCheckMs: env.LOGIN_QUICK_LOGIN_CHECK_SECONDS * 1000,
      minimumQuickLoginWaitMs: env.LOGIN_QUICK_LOGIN_WAIT_SECONDS * 1000,
    };
  }

  reserve(userId: string, now: Date): Promise<AttemptReservation> {
    return this.dataSource.transaction(async (manager): Promise<AttemptReservation> => {
      const user = await this.users.lockById(manager, userId);
      if (user === null || isLocked(user, now)) return { kind: 'locked' };
      const next = afterFailure(user, now, this.settings);
      Object.assign(user, next);
      await this.users.update(manager, user.id, next);
      return { kind: 'reserved', user, lockStarted: isLocked(next, now) };
    });
  }

  /** The password was right outside a sign-in (a re-check): the reserved failure and any earlier ones are cleared. */
  async settleRight(userId: string): Promise<void> {
    await this.dataSource.transaction((manager) =>
      this.users.update(manager, userId, { failedLogins: 0, lastFailedAt: null, lockedUntil: null }),
    );
  }
}
