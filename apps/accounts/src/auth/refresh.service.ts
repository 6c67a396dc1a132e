import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MembershipsReader } from '../institutions/memberships.reader';
import { PrivacyService } from '../privacy/privacy.service';
import { SessionsService, type ClientInfo } from '../sessions/sessions.service';
import { refreshRejected } from '../sessions/sessions.errors';
import { AccessTokenIssuer } from './access-token.issuer';
import type { SignedIn } from './sign-in.completer';

/** Exchanges a refresh token for a new access token and the token's successor, with fresh roles, memberships and policy gate. */
@Injectable()
export class RefreshService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly memberships: MembershipsReader,
    private readonly tokens: AccessTokenIssuer,
    private readonly privacy: PrivacyService,
  ) {}

  async refresh(presented: string | undefined, client: ClientInfo): Promise<SignedIn> {
    if (presented === undefined) throw refreshRejected();
    const rotated = await this.sessions.rotate(presented, client);
    if (!rotated.active) throw refreshRejected();
    // Two independent reads on two pooled connections at once: one round trip of latency instead of two.
    // The policy gate is re-evaluated on every refresh: accepting the policy clears it at the next refresh.
    const [memberships, policyToAccept] = await Promise.all([
      this.memberships.of(this.dataSource.manager, rotated.userId),
      this.privacy.pendingAcceptance(this.dataSource.manager, rotated.userId),
    ]);
    const access = this.tokens.issue(rotated.userId, rotated.sessionId, rotated.roles, memberships, policyToAccept);
    return {
      userId: rotated.userId,
      sessionId: rotated.sessionId,
      accessToken: access.accessToken,
      expiresIn: access.expiresIn,
      refreshToken: rotated.refreshToken,
      sessionExpiresAt: rotated.expiresAt,
      policyToAccept,
    };
  }
}
