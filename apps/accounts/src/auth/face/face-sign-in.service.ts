import { randomUUID } from 'node:crypto';

import { DomainError } from '@exam/platform';
import { Clock } from '@exam/platform';
import type { FaceCheckClaims } from '@exam/platform/face-check';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { SecurityDecisionsService } from '../../security/security-decisions.service';
import type { ClientInfo } from '../../sessions/sessions.service';
import { SessionsService } from '../../sessions/sessions.service';
import { UsersRepository } from '../../users/users.repository';
import { AccountLockedError } from '../auth.errors';
import { LockedAccountNotice } from '../locked-account.notice';
import type { SignInResult } from '../login.service';
import { type AttemptRecord, LoginAttemptsRecorder } from '../login-attempts.recorder';
import { LoginRiskClient } from '../login-risk.client';
import { SignInCompleter } from '../sign-in.completer';
import { StepUpService } from '../step-up.service';
import { FaceSignInRefusedError } from './face.errors';
import { FaceCheckRedeemer } from './face-check.redeemer';

/**
 * Sign-in by face: a ticket for the account named by the login, a face check at the identity service, then
 * the face-check token here. A face alone is not enough where a password sign-in would need more: on a device
 * the account has not signed in on before, or with a step-up pending, the answer is the step-up challenge (a
 * code to the proven contact, never another face check), and the pending step-up stays until that code is
 * given. An account locked for review stays locked. Where a token could follow, audit's risk engine decides first,
 * as for a password sign-in (no answer in time = the code). Every completion or refusal is a recorded login attempt.
 */
@Injectable()
export class FaceSignInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly faceChecks: FaceCheckRedeemer,
    private readonly attempts: LoginAttemptsRecorder,
    private readonly completer: SignInCompleter,
    private readonly sessions: SessionsService,
    private readonly stepUp: StepUpService,
    private readonly risk: LoginRiskClient,
    private readonly decisions: SecurityDecisionsService,
    private readonly lockedNotice: LockedAccountNotice,
    private readonly clock: Clock,
  ) {}

  async signIn(faceCheckToken: string, client: ClientInfo): Promise<SignInResult> {
    const at = this.clock.now();
    const record = (
      userId: string | undefined,
      outcome: AttemptRecord['outcome'],
      reason: string,
    ): AttemptRecord => ({
      attemptId: randomUUID(),
      userId,
      outcome,
      reason,
      client,
      at,
    });
    let claims: FaceCheckClaims;
    try {
      claims = this.faceChecks.verify(faceCheckToken, { purpose: 'face_login' });
    } catch (error: unknown) {
      if (error instanceof DomainError)
        await this.attempts.record(record(undefined, 'failure', 'face_check_token_rejected'));
      throw error;
    }
    const userId = claims.sub;
    const knownDevice = await this.sessions.knowsDevice(userId, client.deviceId);
    const current = await this.users.findById(userId);
    // Asked outside the transaction (it may take the whole timeout) and only when a token could follow.
    const risk =
      current === null || current.stepUpRequired || !knownDevice
        ? 'step_up'
        : await this.risk.decide(record(userId, 'success', 'face_login'));
    const outcome = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.lockById(manager, userId);
      if (user?.status !== 'active' || user.reviewLockedAt !== null) return null;
      await this.faceChecks.redeem(manager, claims);
      if (risk === 'block') {
        const attempt = record(user.id, 'locked', 'risk_block');
        await this.decisions.enforceLoginDecision(manager, user.id, attempt.attemptId, 'block');
        await this.attempts.stage(manager, attempt);
        return { kind: 'blocked' as const, user };
      }
      if (user.stepUpRequired || risk === 'step_up') return { kind: 'step_up' as const };
      const signedIn = await this.completer.complete(manager, user, record(user.id, 'success', 'face_login'));
      return { kind: 'signed_in' as const, signedIn };
    });
    if (outcome === null) {
      await this.attempts.record(record(userId, 'locked', 'face_login_refused'));
      throw new FaceSignInRefusedError();
    }
    if (outcome.kind === 'blocked') {
      await this.lockedNotice.send(outcome.user);
      throw new AccountLockedError();
    }
    if (outcome.kind === 'signed_in') return outcome;
    const reason = !knownDevice
      ? 'face_login_new_device'
      : current?.stepUpRequired === true
        ? 'face_login_step_up_pending'
        : 'face_login_risk_step_up';
    return {
      kind: 'verification_required',
      challenge: await this.stepUp.challenge(userId, record(userId, 'step_up_required', reason), {
        offerFace: false,
      }),
    };
  }
}
