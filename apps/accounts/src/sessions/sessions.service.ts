import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM_ROLES, Topics, type PlatformRole } from '@exam/contracts';
import { maskValue } from '@exam/crypto';
import { EventPublisher } from '@exam/platform';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, In, IsNull, QueryFailedError, type EntityManager } from 'typeorm';
import { ACCOUNTS_ENV } from '../config/accounts-env.token';
import type { AccountsEnv } from '../config/accounts.env';
import { Clock } from '../shared/clock';
import { IP_REGION_RESOLVER, type IpRegionResolver } from './region/ip-region.resolver';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SessionEntity, type SessionEndReason } from './session.entity';
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
  readonly roles: PlatformRole[];
  readonly active: boolean;
}

interface RotationRow {
  readonly usedAt: Date | null;
  readonly sessionId: string;
  readonly userId: string;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date;
  readonly maskedIp: string;
  readonly region: string | null;
  readonly roles: string;
  readonly status: string;
}

function parseRoles(json: string): PlatformRole[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((r): r is PlatformRole => (PLATFORM_ROLES as readonly unknown[]).includes(r)) : [];
}

const LAST_USED_PRECISION_MS = 60_000;
const ER_LOCK_DEADLOCK = 1213;

function isDeadlock(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { errno?: unknown }).errno === ER_LOCK_DEADLOCK;
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
    @Inject(IP_REGION_RESOLVER) private readonly regions: IpRegionResolver,
  ) {}

  async open(manager: EntityManager, userId: string, client: ClientInfo, attemptId: string): Promise<OpenedSession> {
    const now = this.clock.now();
    const session = Object.assign(new SessionEntity(), {
      userId,
      maskedIp: maskValue('ip', client.ip),
      region: this.regions.regionOf(client.ip),
      userAgent: client.userAgent.slice(0, 512),
      deviceId: client.deviceId ?? null,
      attemptId,
      createdAt: now,
      lastUsedAt: now,
      expiresAt: new Date(now.getTime() + this.env.SESSION_TTL_DAYS * 86_400_000),
    });
    await manager.insert(SessionEntity, session);
    const refreshToken = await this.issueToken(manager, session.id, now);
    return { sessionId: session.id, refreshToken, expiresAt: session.expiresAt };
  }

  /**
   * Rotates a refresh token; reuse of a consumed token revokes the family (committed) and then fails.
   * Hand-written SQL keeps the hot path to one join, two updates and one insert in a single transaction. No row
   * locks: the conditional update lets exactly one of two concurrent uses win, and a token issued into a session
   * that is being revoked concurrently is refused at its first use, because every rotation checks the session.
   */
  async rotate(presented: string, client: ClientInfo): Promise<RotatedSession> {
    try {
      return await this.rotateOnce(presented, client);
    } catch (error: unknown) {
      // A concurrent revocation (logout, security decision) locks the session, then its tokens; a rotation takes
      // the token, then the session. InnoDB then aborts one of them: the whole rotation was rolled back, so it
      // runs once more and sees the other's outcome (usually: session ended → 401) instead of answering 500.
      if (!isDeadlock(error)) throw error;
      return this.rotateOnce(presented, client);
    }
  }

  private async rotateOnce(presented: string, client: ClientInfo): Promise<RotatedSession> {
    const tokenHash = hashRefreshToken(presented);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const rows: RotationRow[] = await manager.query(
        `SELECT t.used_at AS usedAt, s.id AS sessionId, s.user_id AS userId, s.expires_at AS expiresAt,
                s.revoked_at AS revokedAt, s.last_used_at AS lastUsedAt, s.masked_ip AS maskedIp, s.region AS region,
                u.roles AS roles, u.status AS status
           FROM refresh_tokens t
           JOIN sessions s ON s.id = t.session_id
           JOIN users u ON u.id = s.user_id
          WHERE t.token_hash = ?`,
        [tokenHash],
      );
      const row = rows.at(0);
      if (row === undefined || row.revokedAt !== null || new Date(row.expiresAt).getTime() <= now.getTime()) return 'invalid' as const;
      const consumed: { affectedRows?: number } = await manager.query(
        'UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL',
        [now, tokenHash],
      );
      if (row.usedAt !== null || consumed.affectedRows !== 1) {
        const session = await manager.findOneBy(SessionEntity, { id: row.sessionId });
        if (session !== null) await this.end(manager, row.userId, [session], 'refresh_reuse');
        return 'invalid' as const;
      }
      const maskedIp = maskValue('ip', client.ip);
      // "Last used" is shown to the user per minute; writing it on every refresh would double the writes.
      if (maskedIp !== row.maskedIp || now.getTime() - new Date(row.lastUsedAt).getTime() >= LAST_USED_PRECISION_MS) {
        // The region follows the network: resolved again (in memory) only when the masked IP changed.
        const region = maskedIp === row.maskedIp ? row.region : this.regions.regionOf(client.ip);
        await manager.query('UPDATE sessions SET last_used_at = ?, masked_ip = ?, region = ? WHERE id = ?', [now, maskedIp, region, row.sessionId]);
      }
      const refreshToken = await this.issueToken(manager, row.sessionId, now);
      return {
        sessionId: row.sessionId,
        userId: row.userId,
        refreshToken,
        expiresAt: new Date(row.expiresAt),
        roles: parseRoles(row.roles),
        active: row.status === 'active',
      };
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

  /** Ends every live session of the user inside the caller's transaction (security decisions). */
  async endAllWithin(manager: EntityManager, userId: string, reason: SessionEndReason): Promise<void> {
    const sessions = await manager.find(SessionEntity, { where: { userId, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
    await this.end(manager, userId, sessions, reason);
  }

  /** Ends every live session of the user but one (the caller's own) inside the caller's transaction. */
  async endOthersWithin(manager: EntityManager, userId: string, keepSessionId: string, reason: SessionEndReason): Promise<number> {
    const sessions = await manager.find(SessionEntity, { where: { userId, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
    const others = sessions.filter((s) => s.id !== keepSessionId);
    await this.end(manager, userId, others, reason);
    return others.length;
  }

  /** Ends the session a given login attempt opened, if it is still live. */
  async endOpenedBy(manager: EntityManager, userId: string, attemptId: string, reason: SessionEndReason): Promise<void> {
    const sessions = await manager.find(SessionEntity, { where: { userId, attemptId, revokedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
    await this.end(manager, userId, sessions, reason);
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
    reason: SessionEndReason,
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
