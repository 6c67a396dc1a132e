import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

import type { AccessTokenClaims, InstitutionMembership, PlatformRole } from '@exam/contracts';
import { AUTH_SETTINGS, type AuthSettings, JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';
import { sign } from 'jsonwebtoken';

import { AccountsEnv } from '../config/accounts.env';

export interface IssuedAccessToken {
  readonly accessToken: string;
  readonly expiresIn: number;
}

/** Signs short-lived ES256 access tokens that every service verifies offline with the public key of `kid`. */
@Injectable()
export class AccessTokenIssuer {
  private readonly key: KeyObject;

  constructor(
    private readonly env: AccountsEnv,
    @Inject(AUTH_SETTINGS) auth: AuthSettings,
  ) {
    this.key = createPrivateKey(env.JWT_PRIVATE_KEY);
    if (this.key.asymmetricKeyType !== 'ec' || this.key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
      throw new Error('JWT_PRIVATE_KEY must be an EC P-256 key (ES256)');
    }
    // Every service, this one included, verifies with JWT_PUBLIC_KEYS: a mismatch would fail every request later.
    const published = auth.publicKeys.get(env.JWT_KEY_ID);
    const own = createPublicKey(this.key).export({ type: 'spki', format: 'der' });
    if (published === undefined || !published.export({ type: 'spki', format: 'der' }).equals(own)) {
      throw new Error(
        `JWT_PUBLIC_KEYS must list the public key of JWT_PRIVATE_KEY under its key id "${env.JWT_KEY_ID}"`,
      );
    }
  }

  /**
   * `pendingPolicy`: the privacy policy version the user must accept first; every service then gates the token.
   * `authTime`: when the user last proved who they are (the session's sign-in), as the `auth_time` claim.
   */
  issue(
    userId: string,
    sessionId: string,
    roles: readonly PlatformRole[],
    memberships: readonly InstitutionMembership[],
    pendingPolicy: string | null,
    authTime: Date,
  ): IssuedAccessToken {
    const claims: AccessTokenClaims = {
      sub: userId,
      sid: sessionId,
      roles,
      memberships,
      ...(pendingPolicy === null ? {} : { pendingPolicy }),
      auth_time: Math.floor(authTime.getTime() / 1000),
    };
    const accessToken = sign({ ...claims }, this.key, {
      algorithm: JWT_ALGORITHM,
      keyid: this.env.JWT_KEY_ID,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS,
    });
    return { accessToken, expiresIn: this.env.ACCESS_TOKEN_TTL_SECONDS };
  }

  /**
   * A one-minute token that proves a call comes from accounts, for another service's internal route. Its own
   * audience, so no access guard ever takes it for a user's token.
   */
  issueServiceToken(audience: string, scope: string): string {
    return sign({ scope }, this.key, {
      algorithm: JWT_ALGORITHM,
      keyid: this.env.JWT_KEY_ID,
      issuer: JWT_ISSUER,
      audience,
      subject: 'service:accounts',
      expiresIn: 60,
    });
  }
}
