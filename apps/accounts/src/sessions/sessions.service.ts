import { createHash, randomBytes, randomUUID } from 'node:crypto';

import { PLATFORM_ROLES, type PlatformRole, Topics } from '@exam/contracts';
import { maskValue } from '@exam/crypto';
import { Clock, EventPublisher, retryOnDeadlock } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { RefreshRejectedError } from '../auth/auth.errors';
import { AccountsEnv } from '../config/accounts.env';
import { IP_REGION_RESOLVER, type IpRegionResolver } from './region/ip-region.resolver';
import type { SessionEndReason, SessionEntity } from './session.entity';
import { type RotationRow, SessionRepository } from './session.repository';
import { SessionNotFoundError } from './sessions.errors';

export interface ClientInfo {
  readonly ip: string;
  readonly userAgent: string;
  readonly deviceId: string | undefined;
}

export interface OpenedSession {
  readonly sessionId: string;
  /** The sign-in that opened it (`auth_time` of its tokens). */
  readonly authenticatedAt: Date;
  readonly refreshToken: string;
  readonly expiresAt: Date;
}

export interface RotatedSession extends OpenedSession {
  readonly userId: string;
  /** The session's sign-in: refreshing never makes a token look more recently authenticated. */
  readonly authenticatedAt: Date;
  readonly roles: PlatformRole[];
  readonly active: boolean;
}

function parseRoles(json: string): PlatformRole[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed)
    ? parsed.filter((r): r is PlatformRole => (PLATFORM_ROLES as readonly unknown[]).includes(r))
    : [];
}

const LAST_USED_PRECISION_MS = 60_000;
/**
 * A rotation (token row, then the session's index gap; or the session row when it records the last use) and a
 * revocation (session, then its tokens) of the same session can meet in a lock cycle; InnoDB aborts one of them, and
 * nothing of the aborted side was committed. It runs once more and sees the other's outcome (a rotation: session ended
 * → 401; a logout: the session already ended or its token rotated), instead of answering 500.
 */
function onceMoreOnDeadlock<T>(work: () => Promise<T>): Promise<T> {
  return retryOnDeadlock(work, 2);
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
    private readonly sessions: SessionRepository,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    private readonly env: AccountsEnv,
    @Inject(IP_REGION_RESOLVER) private readonly regions: IpRegionResolver,
  ) {}

  /** Runs in the caller's sign-in transaction. */
  async open(
    tx: EntityManager,
    userId: string,
    client: ClientInfo,
    attemptId: string,
  ): Promise<OpenedSession> {
    const now = this.clock.now();
    const sessionId = randomUUID();
    const expiresAt = new Date(now.getTime() + this.env.SESSION_TTL_DAYS * 86_400_000);
    const refreshToken = randomBytes(32).toString('base64url');
    await this.sessions.open(
      tx,
      {
        id: sessionId,
        userId,
        maskedIp: maskValue('ip', client.ip),
        region: this.regions.regionOf(client.ip),
        userAgent: client.userAgent.slice(0, 512),
        deviceId: client.deviceId ?? null,
        attemptId,
        createdAt: now,
        expiresAt,
      },
      hashRefreshToken(refreshToken),
    );
    return { sessionId, authenticatedAt: now, refreshToken, expiresAt };
  }

  /**
   * Rotates a refresh token; reuse of a consumed token revokes the family (committed) and then fails.
   * Two statements, no transaction, one commit (see ADR 0010):
   *  1. read the token with its session and user (no lock);
   *  2. one upsert of two rows: the presented token, whose `used_at` is set only if it is still NULL, and its successor.
   *     One statement, so the consume and the successor commit together. Affected rows are 3 (1 inserted + 2 for a
   *     changed duplicate) only when this statement consumed the token, so exactly one of concurrent uses wins.
   * A loser deletes the successor it inserted, then revokes the family if it is still live: the token was consumed by
   * someone else (reuse). A concurrent revocation deletes every unused token of the session, so either it deletes the
   * successor too, or the presented token was already gone (re-inserted here as used) and the rotation loses.
   */
  async rotate(presented: string, client: ClientInfo): Promise<RotatedSession> {
    return onceMoreOnDeadlock(() => this.rotateOnce(presented, client));
  }

  private async rotateOnce(presented: string, client: ClientInfo): Promise<RotatedSession> {
    const tokenHash = hashRefreshToken(presented);
    const now = this.clock.now();
    const row = await this.sessions.findForRotation(tokenHash);
    if (row === undefined || row.revokedAt !== null || new Date(row.expiresAt).getTime() <= now.getTime())
      throw new RefreshRejectedError();
    if (row.usedAt !== null) return this.refuseReuse(tokenHash, row);
    const refreshToken = randomBytes(32).toString('base64url');
    const successorHash = hashRefreshToken(refreshToken);
    if (!(await this.sessions.consumeAndIssue(tokenHash, row.sessionId, successorHash, now))) {
      await this.sessions.deleteUnusedToken(successorHash);
      return this.refuseReuse(tokenHash, row);
    }
    await this.touch(row, client, now);
    return {
      sessionId: row.sessionId,
      userId: row.userId,
      authenticatedAt: new Date(row.createdAt),
      refreshToken,
      expiresAt: new Date(row.expiresAt),
      roles: parseRoles(row.roles),
      active: row.status === 'active',
    };
  }

  /**
   * "Last used" is shown to the user per minute; writing it on every refresh would double the writes. The region
   * follows the network: resolved again (in memory) only when the masked IP changed.
   */
  private async touch(row: RotationRow, client: ClientInfo, now: Date): Promise<void> {
    const maskedIp = maskValue('ip', client.ip);
    if (
      maskedIp === row.maskedIp &&
      now.getTime() - new Date(row.lastUsedAt).getTime() < LAST_USED_PRECISION_MS
    )
      return;
    const region = maskedIp === row.maskedIp ? row.region : this.regions.regionOf(client.ip);
    await this.sessions.touch(row.sessionId, { lastUsedAt: now, maskedIp, region });
  }

  /**
   * The presented token lost: it was consumed (earlier, or just now by a concurrent use), so a copy exists and the
   * whole family ends, unless the session already ended (a revocation got there first: nothing more to do).
   */
  private async refuseReuse(tokenHash: string, row: RotationRow): Promise<never> {
    await this.dataSource.transaction(async (tx) => {
      const token = await this.sessions.findToken(tx, tokenHash);
      if (token === null) return;
      const session = await this.sessions.lockLive(tx, row.sessionId);
      if (session !== null) await this.end(tx, row.userId, [session], 'refresh_reuse');
    });
    throw new RefreshRejectedError();
  }

  /** Logout: ends the session the refresh token belongs to; an unknown token is already logged out. */
  async endByRefreshToken(presented: string): Promise<void> {
    await onceMoreOnDeadlock(() =>
      this.dataSource.transaction(async (tx) => {
        const token = await this.sessions.findToken(tx, hashRefreshToken(presented));
        if (token === null) return;
        const session = await this.sessions.lockLive(tx, token.sessionId);
        if (session !== null) await this.end(tx, session.userId, [session], 'logout');
      }),
    );
  }

  async endAll(userId: string): Promise<number> {
    return onceMoreOnDeadlock(() =>
      this.dataSource.transaction(async (tx) => {
        const sessions = await this.sessions.lockLiveOfUser(tx, userId);
        await this.end(tx, userId, sessions, 'logout_all');
        return sessions.length;
      }),
    );
  }

  async endOne(userId: string, sessionId: string): Promise<void> {
    await onceMoreOnDeadlock(() =>
      this.dataSource.transaction(async (tx) => {
        const session = await this.sessions.lockLive(tx, sessionId, userId);
        if (session === null) throw new SessionNotFoundError();
        await this.end(tx, userId, [session], 'ended_by_user');
      }),
    );
  }

  /** Whether the user has signed in on this device before (a session, live or ended, still kept). */
  async knowsDevice(userId: string, deviceId: string | undefined): Promise<boolean> {
    return deviceId !== undefined && this.sessions.existsOnDevice(userId, deviceId);
  }

  /** Ends one live session of the user inside the caller's transaction; false when it had ended already. */
  async endOneWithin(
    tx: EntityManager,
    userId: string,
    sessionId: string,
    reason: SessionEndReason,
  ): Promise<boolean> {
    const session = await this.sessions.lockLive(tx, sessionId, userId);
    if (session === null) return false;
    await this.end(tx, userId, [session], reason);
    return true;
  }

  /** Ends every live session of the user inside the caller's transaction (security decisions). */
  async endAllWithin(tx: EntityManager, userId: string, reason: SessionEndReason): Promise<void> {
    const sessions = await this.sessions.lockLiveOfUser(tx, userId);
    await this.end(tx, userId, sessions, reason);
  }

  /** Ends every live session of the user but one (the caller's own) inside the caller's transaction. */
  async endOthersWithin(
    tx: EntityManager,
    userId: string,
    keepSessionId: string,
    reason: SessionEndReason,
  ): Promise<number> {
    const sessions = await this.sessions.lockLiveOfUser(tx, userId);
    const others = sessions.filter((s) => s.id !== keepSessionId);
    await this.end(tx, userId, others, reason);
    return others.length;
  }

  /** Ends the session a given login attempt opened, if it is still live. */
  async endOpenedBy(
    tx: EntityManager,
    userId: string,
    attemptId: string,
    reason: SessionEndReason,
  ): Promise<void> {
    const sessions = await this.sessions.lockLiveOfUser(tx, userId, attemptId);
    await this.end(tx, userId, sessions, reason);
  }

  async listActive(userId: string): Promise<SessionEntity[]> {
    const sessions = await this.sessions.listUnrevoked(userId);
    const now = this.clock.now().getTime();
    return sessions.filter((s) => s.expiresAt.getTime() > now);
  }

  private async end(
    tx: EntityManager,
    userId: string,
    sessions: readonly SessionEntity[],
    reason: SessionEndReason,
  ): Promise<void> {
    if (sessions.length === 0) return;
    const ids = sessions.map((s) => s.id);
    await this.sessions.revoke(tx, ids, reason, this.clock.now());
    await this.events.stage(tx, Topics.SessionRevoked, {
      subjectId: userId,
      payload: { userId, sessionIds: ids, reason },
    });
  }
}
