import { Injectable } from '@nestjs/common';
import type { InstitutionMembership, PlatformRole } from '@exam/contracts';
import type { EntityManager } from 'typeorm';
import { AccessTokenIssuer } from './access-token.issuer';
import { GrantFactsReader } from './grant-facts.reader';

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
    private readonly facts: GrantFactsReader,
    private readonly tokens: AccessTokenIssuer,
  ) {}

  async grant(manager: EntityManager, user: { readonly id: string; readonly roles: readonly PlatformRole[] }, sessionId: string): Promise<AccessGranted> {
    const { memberships, policyToAccept } = await this.facts.read(manager, user.id);
    const access = this.tokens.issue(user.id, sessionId, user.roles, memberships, policyToAccept);
    return { accessToken: access.accessToken, expiresIn: access.expiresIn, memberships, policyToAccept };
  }
}
