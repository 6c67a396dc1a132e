import { Inject, Injectable } from '@nestjs/common';
import { Topics } from '@exam/contracts';
import { maskValue } from '@exam/crypto';
import { EventPublisher } from '@exam/platform';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, In, IsNull, type EntityManager } from 'typeorm';
import { ACCOUNTS_ENV } from '../config/accounts-env.token';
import type { AccountsEnv } from '../config/accounts.env';
import { Clock } from '../shared/clock';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEntity } from './session.entity';
import { refreshRejected, sessionNotFound } from './sessions.errors';

export interface ClientInfo {
  readonly ip: string;
  readonly userAgent: string;
  readonly deviceId: string | undefined;
}

export interface OpenedSession {
  readonly sessionId: string;
  readonly refreshToken: string;
  readonly expiresAt: Date;
}

export interface RotatedSession extends OpenedSession {
  readonly userId: string;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Sessions are refresh-token families. Each refresh consumes the presented token and issues its successor;
 * presenting a consumed token again means it was copied, so the whole family ends (OAuth 2.0 Security BCP §4.14).
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    @Inject(ACCOUNTS_ENV) private readonly env: AccountsEnv,
  ) {}

  async open(manager: EntityManager, userId: string, client: ClientInfo): Promise<OpenedSession> {
    const now = this.clock.now();
    const session = Object.assign(new SessionEntity(), {
      userId,
      maskedIp: maskValue('ip', client.ip),
      userAgent: client.userAgent.slice(0, 512),
      deviceId: client.deviceId ?? null,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + this.env.SESSION_TTL_DAYS * 86_400_000),
    });
    await manager.insert(SessionEntity, session);
    const refreshToken = await this.issueToken(manager, session.id, now);
    return { sessionId: session.id, refreshToken, expiresAt: session.expiresAt };
  }

  /** Rotates a refresh token; reuse of a consumed token revokes the family (committed) and then fails. */
  async rotate(presented: string, client: ClientInfo): Promise<RotatedSession> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOne(RefreshTokenEntity, {
        where: { tokenHash: hashRefreshToken(presented) },
        lock: { mode: 'pessimistic_write' },
      });
      if (token === null) return 'invalid' as const;
      const session = await manager.findOne(SessionEntity, { where: { id: token.sessionId }, lock: { mode: 'pessimistic_write' } });
      const now = this.clock.now();
      if (session === null || session.revokedAt !== null || session.expiresAt.getTime() <= now.getTime()) return 'invalid' as const;
      if (token.usedAt !== null) {
        await this.end(manager, session.userId, [session], 'refresh_reuse');
        return 'invalid' as const;
      }
      token.usedAt = now;
      await manager.save(token);
      session.lastUsedAt = now;
      session.maskedIp = maskValue('ip', client.ip);
      await manager.save(session);
      const refreshToken = await this.issueToken(manager, session.id, now);
      return { sessionId: session.id, userId: session.userId, refreshToken, expiresAt: session.expiresAt };
    });
    if (outcome === 'invalid') throw refreshRejected();
    return outcome;
  }

  /** Logout: ends the session the refresh token belongs to; an unknown token is already logged out. */
  async endByRefreshToken(presented: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOneBy(RefreshTokenEntity, { tokenHash: hashRefreshToken(presented) });
      if (token === null) return;
      const session = await manager.findOne(SessionEntity, { where: { id: token.sessionId, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      if (session !== null) await this.end(manager, session.userId, [session], 'logout');
    });
  }

  async endAll(userId: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const sessions = await manager.find(SessionEntity, { where: { userId, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
      await this.end(manager, userId, sessions, 'logout_all');
      return sessions.length;
    });
  }

  async endOne(userId: string, sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const session = await manager.findOne(SessionEntity, {
        where: { id: sessionId, userId, revokedAt: IsNull() },
        lock: { mode: 'pessimistic_write' },
      });
      if (session === null) throw sessionNotFound();
      await this.end(manager, userId, [session], 'ended_by_user');
    });
  }

  async listActive(userId: string): Promise<SessionEntity[]> {
    const sessions = await this.dataSource.getRepository(SessionEntity).find({
      where: { userId, revokedAt: IsNull() },
      order: { lastUsedAt: 'DESC' },
      take: 100,
    });
    const now = this.clock.now().getTime();
    return sessions.filter((s) => s.expiresAt.getTime() > now);
  }

  private async end(
    manager: EntityManager,
    userId: string,
    sessions: readonly SessionEntity[],
    reason: 'logout' | 'logout_all' | 'ended_by_user' | 'refresh_reuse',
  ): Promise<void> {
    if (sessions.length === 0) return;
    const ids = sessions.map((s) => s.id);
    await manager.update(SessionEntity, { id: In(ids) }, { revokedAt: this.clock.now(), revokeReason: reason });
    await manager.delete(RefreshTokenEntity, { sessionId: In(ids), usedAt: IsNull() });
    await this.events.stage(manager, Topics.SessionRevoked, { subjectId: userId, payload: { userId, sessionIds: ids, reason } });
  }

  private async issueToken(manager: EntityManager, sessionId: string, now: Date): Promise<string> {
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.insert(RefreshTokenEntity, { tokenHash: hashRefreshToken(refreshToken), sessionId, issuedAt: now, usedAt: null });
    return refreshToken;
  }
}
