import { randomUUID } from 'node:crypto';

import { DomainError } from '@exam/platform';
import { Clock } from '@exam/platform';
import type { FaceCheckClaims } from '@exam/platform/face-check';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { ClientInfo } from '../../sessions/sessions.service';
import { UsersRepository } from '../../users/users.repository';
import { type AttemptRecord, LoginAttemptsRecorder } from '../login-attempts.recorder';
import { type SignedIn, SignInCompleter } from '../sign-in.completer';
import { FaceSignInRefusedError } from './face.errors';
import { FaceCheckRedeemer } from './face-check.redeemer';

/**
 * Sign-in by face: a ticket for the account named by the login, a face check at the identity service, then
 * the face-check token here. A passed face check is a strong proof, so it also satisfies a pending step-up;
 * an account locked for review stays locked. Every completion or refusal is a recorded login attempt.
 */
@Injectable()
export class FaceSignInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly faceChecks: FaceCheckRedeemer,
    private readonly attempts: LoginAttemptsRecorder,
    private readonly completer: SignInCompleter,
    private readonly clock: Clock,
  ) {}

  async signIn(faceCheckToken: string, client: ClientInfo): Promise<SignedIn> {
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
    const outcome = await this.dataSource.transaction(async (manager) => {
      const user = await this.users.lockById(manager, userId);
      if (user?.status !== 'active' || user.reviewLockedAt !== null) return null;
      await this.faceChecks.redeem(manager, claims);
      return this.completer.complete(
        manager,
        user,
        record(user.id, 'success', 'face_login'),
        user.stepUpRequired ? { stepUpRequired: false } : {},
      );
    });
    if (outcome === null) {
      await this.attempts.record(record(userId, 'locked', 'face_login_refused'));
      throw new FaceSignInRefusedError();
    }
    return outcome;
  }
}
