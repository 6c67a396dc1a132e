import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { CurrentPasswordWrongError } from '../credentials/credentials.errors';
import { PasswordHasher } from '../credentials/password-hasher';
import type { UserEntity } from '../users/user.entity';
import { PasswordChecksPausedError } from './auth.errors';
import { PasswordAttempts } from './password-attempts';

/**
 * The current-password confirmation of a signed-in user (password change, contact change, export, erasure).
 * Counted toward the same account lock as sign-in: a stolen access token must not become an unlimited
 * password oracle.
 */
@Injectable()
export class PasswordRecheck {
  constructor(
    private readonly attempts: PasswordAttempts,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async confirm(user: Pick<UserEntity, 'id' | 'passwordHash'>, password: string): Promise<void> {
    const reservation = await this.attempts.reserve(user.id, this.clock.now());
    if (reservation.kind === 'locked') throw new PasswordChecksPausedError();
    if (!(await this.hasher.check(reservation.user.passwordHash, password)).matches)
      throw new CurrentPasswordWrongError();
    await this.attempts.settleRight(user.id);
  }
}
