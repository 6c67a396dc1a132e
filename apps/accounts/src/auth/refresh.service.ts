import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MembershipsReader } from '../institutions/memberships.reader';
import { SessionsService, type ClientInfo } from '../sessions/sessions.service';
import { refreshRejected } from '../sessions/sessions.errors';
import { UserEntity } from '../users/user.entity';
import { AccessTokenIssuer } from './access-token.issuer';
import type { SignedIn } from './login.service';

/** Exchanges a refresh token for a new access token and the token's successor, with fresh roles and memberships. */
@Injectable()
export class RefreshService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly memberships: MembershipsReader,
    private readonly tokens: AccessTokenIssuer,
  ) {}

  async refresh(presented: string | undefined, client: ClientInfo): Promise<SignedIn> {
    if (presented === undefined) throw refreshRejected();
    const rotated = await this.sessions.rotate(presented, client);
    const manager = this.dataSource.manager;
    const user = await manager.findOne(UserEntity, { where: { id: rotated.userId }, select: { id: true, roles: true, status: true } });
    if (user?.status !== 'active') throw refreshRejected();
    const access = this.tokens.issue(user.id, rotated.sessionId, user.roles, await this.memberships.of(manager, user.id));
    return {
      userId: user.id,
      sessionId: rotated.sessionId,
      accessToken: access.accessToken,
      expiresIn: access.expiresIn,
      refreshToken: rotated.refreshToken,
      sessionExpiresAt: rotated.expiresAt,
    };
  }
}
