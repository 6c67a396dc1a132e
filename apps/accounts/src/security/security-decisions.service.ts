import type { AccountAction, LoginDecision } from '@exam/contracts';
import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { afterSuccess } from '../auth/brute-force.policy';
import { SessionsService } from '../sessions/sessions.service';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';

/**
 * Carries out audit's risk decisions and security staff's account actions. Runs inside the inbox transaction
 * of the event, so a redelivered event has no second effect.
 */
@Injectable()
export class SecurityDecisionsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly clock: Clock,
  ) {}

  /** step_up: end the session that attempt opened and confirm the next sign-in by code; block: lock until reviewed. */
  async enforceLoginDecision(
    manager: EntityManager,
    userId: string,
    attemptId: string,
    decision: LoginDecision,
  ): Promise<void> {
    if (decision === 'allow') return;
    const user = await this.lockedUser(manager, userId);
    if (user === null) return;
    if (decision === 'step_up') {
      user.stepUpRequired = true;
      await this.users.save(manager, user);
      await this.sessions.endOpenedBy(manager, userId, attemptId, 'security_action');
      return;
    }
    this.reviewLock(user, 'risk_block');
    await this.users.save(manager, user);
    await this.sessions.endAllWithin(manager, userId, 'security_action');
  }

  async applyAccountAction(manager: EntityManager, userId: string, action: AccountAction): Promise<void> {
    const user = await this.lockedUser(manager, userId);
    if (user === null) return;
    switch (action) {
      case 'lock':
        this.reviewLock(user, 'staff_lock');
        await this.users.save(manager, user);
        await this.sessions.endAllWithin(manager, userId, 'security_action');
        return;
      case 'unlock':
        Object.assign(user, afterSuccess(), { reviewLockedAt: null, reviewLockReason: null });
        await this.users.save(manager, user);
        return;
      case 'force_logout':
        await this.sessions.endAllWithin(manager, userId, 'security_action');
        return;
      case 'require_reverification':
        user.stepUpRequired = true;
        await this.users.save(manager, user);
        await this.sessions.endAllWithin(manager, userId, 'security_action');
        return;
    }
  }

  private reviewLock(user: UserEntity, reason: string): void {
    user.reviewLockedAt ??= this.clock.now();
    user.reviewLockReason = reason;
  }

  private lockedUser(manager: EntityManager, userId: string): Promise<UserEntity | null> {
    return this.users.lockById(manager, userId);
  }
}
