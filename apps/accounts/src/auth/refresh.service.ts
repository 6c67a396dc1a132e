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
    const memberships = await this.memberships.of(this.dataSource.manager, rotated.userId);
    // Re-evaluated on every refresh: accepting the policy clears the gate at the next refresh.
    const policyToAccept = await this.privacy.pendingAcceptance(this.dataSource.manager, rotated.userId);
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
