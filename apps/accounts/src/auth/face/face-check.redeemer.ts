import { Clock } from '@exam/platform';
import {
  type FaceCheckClaims,
  type FaceCheckExpectation,
  FaceCheckTokenRejectedError,
  FaceCheckTokenVerifier,
  parseFaceCheckPublicKeys,
} from '@exam/platform/face-check';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { AccountsEnv } from '../../config/accounts.env';
import { FaceCheckUsedError, FaceRecentlyEnrolledError } from './face.errors';
import { FaceCheckRedemptionEntity } from './face-check-redemption.entity';
import { FaceCheckRedemptionRepository } from './face-check-redemption.repository';

export type SignInFaceCheck = FaceCheckExpectation & {
  readonly purpose: 'step_up' | 'face_login' | 'password_recovery';
};

/**
 * Accepts a face-check token from the identity service, offline (its public keys only): signature, lifetime,
 * purpose, user and request. A sign-in purpose needs a check taken with one of our face tickets (a `ref`), and
 * each token works once.
 */
@Injectable()
export class FaceCheckRedeemer {
  private readonly verifier: FaceCheckTokenVerifier;
  private readonly coolingSeconds: number;

  constructor(
    env: AccountsEnv,
    private readonly clock: Clock,
    private readonly redemptions: FaceCheckRedemptionRepository,
  ) {
    this.coolingSeconds = env.FACE_ENROLMENT_COOLING_SECONDS;
    this.verifier = new FaceCheckTokenVerifier({
      publicKeys: parseFaceCheckPublicKeys(env.FACE_CHECK_PUBLIC_KEYS),
    });
  }

  /**
   * Signature and claims only; call redeem in the transaction that acts on it. Face sign-in and recovery also
   * need the face to have been enrolled before the cooling period (a token that does not say counts as new).
   */
  verify(token: string, expected: SignInFaceCheck): FaceCheckClaims {
    const claims = this.verifier.verify(token, expected);
    if (claims.ref === null) throw new FaceCheckTokenRejectedError('WRONG_REQUEST');
    if (expected.purpose !== 'step_up' && !this.cooledDown(claims)) throw new FaceRecentlyEnrolledError();
    return claims;
  }

  private cooledDown(claims: FaceCheckClaims): boolean {
    if (claims.enrolledAt === null) return this.coolingSeconds === 0;
    return this.clock.now().getTime() - claims.enrolledAt * 1000 >= this.coolingSeconds * 1000;
  }

  /** Records the token as used in the caller's transaction; a second use, here or on another replica, is a 409. */
  async redeem(manager: EntityManager, claims: FaceCheckClaims): Promise<void> {
    const redeemed = await this.redemptions.redeemOnce(
      manager,
      Object.assign(new FaceCheckRedemptionEntity(), {
        jti: claims.jti,
        userId: claims.sub,
        purpose: claims.purpose,
        verificationId: claims.verificationId,
        redeemedAt: this.clock.now(),
      }),
    );
    if (!redeemed) throw new FaceCheckUsedError();
  }
}
