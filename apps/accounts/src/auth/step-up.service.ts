import { randomUUID } from 'node:crypto';

import type { STEP_UP_COMPLETION_REASONS } from '@exam/contracts';
import { Clock } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';

import { AccountsEnv } from '../config/accounts.env';
import { NOTIFIER, type Notifier } from '../notifications/notifier';
import { ConsentRepository } from '../privacy/consent.repository';
import type { ClientInfo } from '../sessions/sessions.service';
import { UsersRepository } from '../users/users.repository';
import { codeDestinationOf } from '../verification/code-delivery';
import { VerificationCodesService } from '../verification/verification-codes.service';
import { StepUpInvalidError } from './auth.errors';
import { FaceCheckRedeemer } from './face/face-check.redeemer';
import { FaceTicketIssuer } from './face/face-ticket.issuer';
import { type AttemptRecord, LoginAttemptsRecorder } from './login-attempts.recorder';
import { type SignedIn, SignInCompleter } from './sign-in.completer';

export interface StepUpChallenge {
  readonly challengeId: string;
  readonly channel: 'sms' | 'email';
  readonly phone?: string;
  readonly email?: string;
  readonly codeExpiresInSeconds: number;
  /**
   * Present when the user consented to face biometrics: the ticket for a face check at the identity service
   * (POST /api/identity/face/pre-auth/challenges), an alternative to the code.
   */
  readonly faceTicket?: string;
}

/**
 * Risky sign-ins (audit said step-up, or staff asked for re-verification) need a one-time code sent to the
 * proven phone or email after the correct password, before any token is issued.
 */
@Injectable()
export class StepUpService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly consents: ConsentRepository,
    private readonly codes: VerificationCodesService,
    private readonly attempts: LoginAttemptsRecorder,
    private readonly completer: SignInCompleter,
    private readonly clock: Clock,
    private readonly faceTickets: FaceTicketIssuer,
    private readonly faceChecks: FaceCheckRedeemer,
    @Inject(NOTIFIER) private readonly notifier: Notifier,
    private readonly env: AccountsEnv,
  ) {}

  /** `offerFace: false` when the sign-in being confirmed was itself a face check: then only the code confirms it. */
  async challenge(
    userId: string,
    attempt: AttemptRecord,
    options: { readonly offerFace?: boolean } = {},
  ): Promise<StepUpChallenge> {
    const { user, issued, faceConsented } = await this.dataSource.transaction(async (manager) => {
      const locked = await this.users.lockById(manager, userId);
      if (locked === null) throw new StepUpInvalidError();
      const code = await this.codes.issue(
        manager,
        locked.id,
        'login_step_up',
        codeDestinationOf(locked).channel,
      );
      await this.attempts.stage(manager, attempt);
      const faceConsented = await this.consents.isGranted(manager, locked.id, 'face_biometrics');
      return { user: locked, issued: code, faceConsented };
    });
    const { channel, to } = codeDestinationOf(user);
    await this.notifier.send({
      channel,
      to,
      subject: 'Confirm your sign-in',
      text: `Someone signed in to your exam platform account. If it was you, confirm with code ${issued.code}. If not, change your password now.`,
    });
    return {
      challengeId: issued.id,
      channel,
      ...(user.phone === null ? {} : { phone: user.phone }),
      ...(user.email === null ? {} : { email: user.email }),
      codeExpiresInSeconds: this.env.CODE_TTL_SECONDS,
      ...(faceConsented && options.offerFace !== false
        ? { faceTicket: this.faceTickets.issue(user.id, 'step_up', issued.id).ticket }
        : {}),
    };
  }

  async complete(challengeId: string, code: string, client: ClientInfo): Promise<SignedIn> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const pending = await this.codes.findLive(manager, challengeId, 'login_step_up');
      if (pending === null) throw new StepUpInvalidError();
      const consumed = await this.codes.consume(manager, pending.userId, 'login_step_up', code);
      if (consumed !== 'ok') return consumed;
      return this.finish(manager, pending.userId, client, 'step_up_passed');
    });
    if (typeof outcome === 'number') throw VerificationCodesService.wrong(outcome);
    return outcome;
  }

  /** The same challenge confirmed by a face check taken with its ticket instead of the code. */
  async completeWithFace(challengeId: string, faceCheckToken: string, client: ClientInfo): Promise<SignedIn> {
    return this.dataSource.transaction(async (manager) => {
      const pending = await this.codes.findLive(manager, challengeId, 'login_step_up');
      if (pending === null) throw new StepUpInvalidError();
      const claims = this.faceChecks.verify(faceCheckToken, {
        purpose: 'step_up',
        userId: pending.userId,
        ref: challengeId,
      });
      await this.faceChecks.redeem(manager, claims);
      if (!(await this.codes.consumeById(manager, challengeId, 'login_step_up')))
        throw new StepUpInvalidError();
      return this.finish(manager, pending.userId, client, 'step_up_face_passed');
    });
  }

  private async finish(
    manager: EntityManager,
    userId: string,
    client: ClientInfo,
    reason: (typeof STEP_UP_COMPLETION_REASONS)[number],
  ): Promise<SignedIn> {
    const user = await this.users.lockById(manager, userId);
    if (user === null || user.reviewLockedAt !== null) throw new StepUpInvalidError();
    const attempt: AttemptRecord = {
      attemptId: randomUUID(),
      userId: user.id,
      outcome: 'success',
      reason,
      client,
      at: this.clock.now(),
    };
    return this.completer.complete(manager, user, attempt, { stepUpRequired: false });
  }
}
