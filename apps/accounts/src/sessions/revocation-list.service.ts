import { SESSION_REVOCATIONS, SessionRevocations } from '@exam/platform';
import { Inject, Injectable, Optional } from '@nestjs/common';

import { AccountsEnv } from '../config/accounts.env';

/** Clock skew between services a token's expiry may meet; a revocation outlives the token by this much. */
const SKEW_SECONDS = 60;

/**
 * Writes ended sessions to the shared revocation list every service's access guard reads, for as long as one of
 * their access tokens can still be valid. Fed by `accounts.session.revoked`, so every way of ending a session
 * (sign-out, sign-out everywhere, password change, security lock, refresh reuse, erasure) lands here.
 */
@Injectable()
export class RevocationListService {
  constructor(
    private readonly env: AccountsEnv,
    @Optional() @Inject(SESSION_REVOCATIONS) private readonly revocations: SessionRevocations | null = null,
  ) {}

  async record(sessionIds: readonly string[]): Promise<void> {
    await this.revocations?.revoke(sessionIds, this.env.ACCESS_TOKEN_TTL_SECONDS + SKEW_SECONDS);
  }
}
