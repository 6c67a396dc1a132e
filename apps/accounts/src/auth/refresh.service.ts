import { Injectable } from '@nestjs/common';

import { type ClientInfo, SessionsService } from '../sessions/sessions.service';
import { AccessGrant } from './access-grant';
import { RefreshRejectedError } from './auth.errors';
import type { SignedIn } from './sign-in.completer';

/** Exchanges a refresh token for a new access token and the token's successor, with fresh roles, memberships and policy gate. */
@Injectable()
export class RefreshService {
  constructor(
    private readonly sessions: SessionsService,
    private readonly grants: AccessGrant,
  ) {}

  async refresh(presented: string | undefined, client: ClientInfo): Promise<SignedIn> {
    if (presented === undefined) throw new RefreshRejectedError();
    const rotated = await this.sessions.rotate(presented, client);
    if (!rotated.active) throw new RefreshRejectedError();
    // The policy gate is re-evaluated on every refresh: accepting the policy clears it at the next refresh.
    const access = await this.grants.grant(
      null,
      { id: rotated.userId, roles: rotated.roles },
      rotated.sessionId,
      rotated.authenticatedAt,
    );
    return {
      userId: rotated.userId,
      sessionId: rotated.sessionId,
      accessToken: access.accessToken,
      expiresIn: access.expiresIn,
      refreshToken: rotated.refreshToken,
      sessionExpiresAt: rotated.expiresAt,
      policyToAccept: access.policyToAccept,
    };
  }
}
