import { randomUUID } from 'node:crypto';

import type { LoginDecision, LoginOutcome } from '@exam/contracts';
import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { PasswordHasher } from '../credentials/password-hasher';
import { SecurityDecisionsService } from '../security/security-decisions.service';
import type { ClientInfo } from '../sessions/sessions.service';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AccountLockedError, InvalidCredentialsError, TooManyAttemptsError } from './auth.errors';
import { IpThrottle, type ThrottleAdmission } from './ip-throttle';
import { LockedAccountNotice } from './locked-account.notice';
import { type AttemptRecord, LoginAttemptsRecorder } from './login-attempts.recorder';
import { LoginRiskClient } from './login-risk.client';
import { PasswordAttempts } from './password-attempts';
import { type SignedIn, SignInCompleter } from './sign-in.completer';
import { type StepUpChallenge, StepUpService } from './step-up.service';

export type SignInResult =
  | { readonly kind: 'signed_in'; readonly signedIn: SignedIn }
  | { readonly kind: 'verification_required'; readonly challenge: StepUpChallenge };

type Recorder = (userId: string | undefined, outcome: LoginOutcome, reason?: string) => AttemptRecord;

/**
 * Password sign-in. Every attempt first reserves a failure on its (source, account) pair, its source and its
 * account, so parallel guesses cannot all pass one check; a right password gives them back. Unknown, unverified
 * and time-locked accounts spend one argon2 verification like a wrong password does, and all get the same
 * error. An account locked for review says so, but only after the right password. No token is issued before
 * audit's risk engine has decided (a code is asked for when it cannot say in time). Every attempt is recorded
 * as `accounts.login.attempted` through the outbox.
 */
@Injectable()
export class LoginService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly ipThrottle: IpThrottle,
    private readonly passwordAttempts: PasswordAttempts,
    private readonly attempts: LoginAttemptsRecorder,
    private readonly completer: SignInCompleter,
    private readonly stepUp: StepUpService,
    private readonly risk: LoginRiskClient,
    private readonly decisions: SecurityDecisionsService,
    private readonly lockedNotice: LockedAccountNotice,
    private readonly clock: Clock,
  ) {}

  async signIn(login: string, password: string, client: ClientInfo): Promise<SignInResult> {
    const attemptId = randomUUID();
    const now = this.clock.now();
    const record: Recorder = (userId, outcome, reason) => ({
      attemptId,
      userId,
      outcome,
      reason,
      client,
      at: now,
    });
    const found = await this.users.findByLogin(login);
    const admission = await this.ipThrottle.admit(client.ip, found?.id ?? login.trim().toLowerCase());
    if (admission.verdict === 'block') {
      await this.attempts.record(record(found?.id, 'failure', 'ip_throttled'));
      throw new TooManyAttemptsError();
    }
    if (found?.status !== 'active') {
      await this.hasher.burn(password);
      await this.attempts.record(
        found === null
          ? record(undefined, 'failure', 'unknown_account')
          : record(found.id, 'failure', 'not_activated'),
      );
      throw new InvalidCredentialsError();
    }
    const reservation = await this.passwordAttempts.reserve(found.id, now);
    if (reservation.kind === 'locked') {
      await this.hasher.burn(password);
      await this.attempts.record(record(found.id, 'locked', 'account_locked'));
      throw new InvalidCredentialsError();
    }
    const { user } = reservation;
    const check = await this.hasher.check(user.passwordHash, password);
    if (!check.matches) {
      await this.attempts.record(
        reservation.lockStarted
          ? record(user.id, 'locked', 'wrong_password_lock_started')
          : record(user.id, 'failure', 'wrong_password'),
      );
      throw new InvalidCredentialsError();
    }
    await this.ipThrottle.release(admission);
    if (user.reviewLockedAt !== null)
      return this.refuseLocked(user, record(user.id, 'locked', 'locked_for_review'));
    const rehashed = check.needsRehash ? await this.hasher.hash(password) : undefined;
    const decision = await this.decide(user, admission, record(user.id, 'success'));
    if (decision === 'block') return this.block(user, record(user.id, 'locked', 'risk_block'));
    if (decision === 'step_up') {
      // The right password clears the reserved failure now; the code is counted on its own.
      await this.passwordAttempts.settleRight(user.id);
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

  /** A pending step-up or a challenged source needs the code anyway: audit is asked only when a token could follow. */
  private async decide(
    user: UserEntity,
    admission: ThrottleAdmission,
    attempt: AttemptRecord,
  ): Promise<LoginDecision> {
    if (user.stepUpRequired || admission.verdict === 'challenge') return 'step_up';
    return this.risk.decide(attempt);
  }

  private async block(user: UserEntity, attempt: AttemptRecord): Promise<never> {
    await this.dataSource.transaction(async (manager) => {
      await this.decisions.enforceLoginDecision(manager, user.id, attempt.attemptId, 'block');
      await this.attempts.stage(manager, attempt);
    });
    return this.refuseLocked(user, attempt, false);
  }

  private async refuseLocked(user: UserEntity, attempt: AttemptRecord, record = true): Promise<never> {
    // The right password: no failure to keep, so the owner keeps hearing why rather than a generic pause.
    await this.passwordAttempts.settleRight(user.id);
    if (record) await this.attempts.record(attempt);
    await this.lockedNotice.send(user);
    throw new AccountLockedError();
  }
}
