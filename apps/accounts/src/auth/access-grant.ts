import type { InstitutionMembership, PlatformRole } from '@exam/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { MembershipRepository } from '../institutions/membership.repository';
import { PrivacyService } from '../privacy/privacy.service';
import { AccessTokenIssuer } from './access-token.issuer';

export interface AccessGranted {
  readonly accessToken: string;
  readonly expiresIn: number;
  /** Read for the token; the login event reuses them instead of reading them again. */
  readonly memberships: readonly InstitutionMembership[];
  /** A materially changed privacy policy the user has not accepted yet, or null. */
  readonly policyToAccept: string | null;
}

/**
 * An access token with what it must carry read fresh: institution memberships and the policy gate. Every way
 * of getting a token (sign-in, step-up, face sign-in, refresh) goes through here, so none can skip the gate.
 */
@Injectable()
export class AccessGrant {
  constructor(
    private readonly memberships: MembershipRepository,
    private readonly privacy: PrivacyService,
    private readonly tokens: AccessTokenIssuer,
  ) {}

  /**
   * `tx`: the caller's transaction, or null to read on the pool (refresh, outside any transaction).
   * `authTime`: the session's sign-in, carried unchanged through every refresh.
   */
  async grant(
    tx: EntityManager | null,
    user: { readonly id: string; readonly roles: readonly PlatformRole[] },
    sessionId: string,
    authTime: Date,
  ): Promise<AccessGranted> {
    // Independent reads: on a pooled manager they run on two connections at once (one round trip of latency).
    const [memberships, policyToAccept] = await Promise.all([
      this.memberships.membershipsOf(tx, user.id),
      this.privacy.pendingAcceptance(tx, user.id),
    ]);
    const access = this.tokens.issue(user.id, sessionId, user.roles, memberships, policyToAccept, authTime);
    return { accessToken: access.accessToken, expiresIn: access.expiresIn, memberships, policyToAccept };
  }
}
