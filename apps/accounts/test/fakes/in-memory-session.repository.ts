import type { PlatformRole } from '@exam/contracts';
import type { EntityManager } from 'typeorm';

import { RefreshTokenEntity } from '../../src/sessions/refresh-token.entity';
import { type SessionEndReason, SessionEntity } from '../../src/sessions/session.entity';
import type {
  EndedSessionBatch,
  NewSession,
  RotationRow,
  SessionRepository,
} from '../../src/sessions/session.repository';

interface FakeUser {
  readonly roles: PlatformRole[];
  readonly status: string;
}

/**
 * Sessions and refresh tokens in memory, with the outcomes of the SQL the real repository runs: the rotation upsert
 * consumes a token only if it is still unused, and revoking deletes the unused tokens of the sessions.
 */
export class InMemorySessionRepository implements Omit<SessionRepository, 'dataSource'> {
  readonly sessions = new Map<string, SessionEntity>();
  readonly tokens = new Map<string, RefreshTokenEntity>();
  readonly users = new Map<string, FakeUser>();
  /** Runs between the rotation's read and its upsert: a concurrent request's moment. */
  beforeConsume: (() => void) | undefined;
  /** Makes the next read fail with this error (a lost connection, say). */
  failNextRead: Error | undefined;

  async open(_tx: EntityManager, session: NewSession, tokenHash: string): Promise<void> {
    this.sessions.set(
      session.id,
      Object.assign(new SessionEntity(), {
        ...session,
        lastUsedAt: session.createdAt,
        revokedAt: null,
        revokeReason: null,
      }),
    );
    this.addToken(tokenHash, session.id, session.createdAt, null);
    return Promise.resolve();
  }

  existsOnDevice(userId: string, deviceId: string): Promise<boolean> {
    return Promise.resolve(
      [...this.sessions.values()].some((s) => s.userId === userId && s.deviceId === deviceId),
    );
  }

  findForRotation(tokenHash: string): Promise<RotationRow | undefined> {
    const failure = this.failNextRead;
    this.failNextRead = undefined;
    if (failure !== undefined) return Promise.reject(failure);
    const token = this.tokens.get(tokenHash);
    const session = token === undefined ? undefined : this.sessions.get(token.sessionId);
    const user = session === undefined ? undefined : this.users.get(session.userId);
    if (token === undefined || session === undefined || user === undefined) return Promise.resolve(undefined);
    return Promise.resolve({
      usedAt: token.usedAt,
      sessionId: session.id,
      userId: session.userId,
      createdAt: session.createdAt,
      expiresAt: session.expiresAt,
      revokedAt: session.revokedAt,
      lastUsedAt: session.lastUsedAt,
      maskedIp: session.maskedIp,
      region: session.region,
      roles: JSON.stringify(user.roles),
      status: user.status,
    });
  }

  consumeAndIssue(tokenHash: string, sessionId: string, successorHash: string, now: Date): Promise<boolean> {
    this.beforeConsume?.();
    this.addToken(successorHash, sessionId, now, null);
    const presented = this.tokens.get(tokenHash);
    if (presented === undefined) {
      this.addToken(tokenHash, sessionId, now, now);
      return Promise.resolve(false);
    }
    if (presented.usedAt !== null) return Promise.resolve(false);
    presented.usedAt = now;
    return Promise.resolve(true);
  }

  deleteUnusedToken(tokenHash: string): Promise<void> {
    if (this.tokens.get(tokenHash)?.usedAt === null) this.tokens.delete(tokenHash);
    return Promise.resolve();
  }

  touch(
    sessionId: string,
    change: { readonly lastUsedAt: Date; readonly maskedIp: string; readonly region: string | null },
  ): Promise<void> {
    const session = this.sessions.get(sessionId);
    if (session !== undefined && session.revokedAt === null) Object.assign(session, change);
    return Promise.resolve();
  }

  findToken(_tx: EntityManager, tokenHash: string): Promise<RefreshTokenEntity | null> {
    return Promise.resolve(this.tokens.get(tokenHash) ?? null);
  }

  lockLive(_tx: EntityManager, sessionId: string, userId?: string): Promise<SessionEntity | null> {
    const session = this.sessions.get(sessionId);
    const live = session !== undefined && session.revokedAt === null;
    return Promise.resolve(live && (userId === undefined || session.userId === userId) ? session : null);
  }

  lockLiveOfUser(_tx: EntityManager, userId: string, attemptId?: string): Promise<SessionEntity[]> {
    return Promise.resolve(
      [...this.sessions.values()].filter(
        (s) =>
          s.userId === userId &&
          s.revokedAt === null &&
          (attemptId === undefined || s.attemptId === attemptId),
      ),
    );
  }

  revoke(_tx: EntityManager, ids: readonly string[], reason: SessionEndReason, now: Date): Promise<void> {
    for (const id of ids)
      Object.assign(this.sessions.get(id) ?? {}, { revokedAt: now, revokeReason: reason });
    for (const [hash, token] of this.tokens)
      if (ids.includes(token.sessionId) && token.usedAt === null) this.tokens.delete(hash);
    return Promise.resolve();
  }

  listUnrevoked(userId: string): Promise<SessionEntity[]> {
    return Promise.resolve(
      [...this.sessions.values()]
        .filter((s) => s.userId === userId && s.revokedAt === null)
        .sort((a, b) => b.lastUsedAt.getTime() - a.lastUsedAt.getTime()),
    );
  }

  countUnrevoked(_tx: EntityManager, userId: string): Promise<number> {
    return Promise.resolve(
      [...this.sessions.values()].filter((s) => s.userId === userId && !s.revokedAt).length,
    );
  }

  listOfUser(_tx: EntityManager, userId: string, take: number): Promise<SessionEntity[]> {
    return Promise.resolve([...this.sessions.values()].filter((s) => s.userId === userId).slice(0, take));
  }

  deleteAllOfUser(_tx: EntityManager, userId: string): Promise<void> {
    for (const [id, session] of this.sessions) {
      if (session.userId !== userId) continue;
      this.sessions.delete(id);
      for (const [hash, token] of this.tokens) if (token.sessionId === id) this.tokens.delete(hash);
    }
    return Promise.resolve();
  }

  deleteEndedBatch(): Promise<EndedSessionBatch> {
    return Promise.reject(new Error('retention is tested against MariaDB (retention.e2e-spec.ts)'));
  }

  /** The unused (live) refresh tokens of a session. */
  liveTokensOf(sessionId: string): string[] {
    return [...this.tokens.values()]
      .filter((t) => t.sessionId === sessionId && t.usedAt === null)
      .map((t) => t.tokenHash);
  }

  private addToken(tokenHash: string, sessionId: string, issuedAt: Date, usedAt: Date | null): void {
    this.tokens.set(
      tokenHash,
      Object.assign(new RefreshTokenEntity(), { tokenHash, sessionId, issuedAt, usedAt }),
    );
  }
}
