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
import { FaceCheckUsedError } from './face.errors';
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

  constructor(
    env: AccountsEnv,
    private readonly clock: Clock,
    private readonly redemptions: FaceCheckRedemptionRepository,
  ) {
    this.verifier = new FaceCheckTokenVerifier({
      publicKeys: parseFaceCheckPublicKeys(env.FACE_CHECK_PUBLIC_KEYS),
    });
  }

  /** Signature and claims only; call redeem in the transaction that acts on it. */
  verify(token: string, expected: SignInFaceCheck): FaceCheckClaims {
    const claims = this.verifier.verify(token, expected);
    if (claims.ref === null) throw new FaceCheckTokenRejectedError('WRONG_REQUEST');
    return claims;
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
