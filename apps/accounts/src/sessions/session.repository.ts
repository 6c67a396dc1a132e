import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';

import { RefreshTokenEntity } from './refresh-token.entity';
import { type SessionEndReason, SessionEntity } from './session.entity';

/** A session as the sign-in opens it. */
export interface NewSession {
  readonly id: string;
  readonly userId: string;
  readonly maskedIp: string;
  readonly region: string | null;
  readonly userAgent: string;
  readonly deviceId: string | null;
  readonly attemptId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** A refresh token with its session and user, as one rotation reads it. */
export interface RotationRow {
  readonly usedAt: Date | null;
  readonly sessionId: string;
  readonly userId: string;
  /** When the session was opened: its sign-in, the `auth_time` of every token it gets. */
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date;
  readonly maskedIp: string;
  readonly region: string | null;
  readonly roles: string;
  readonly status: string;
}

export interface EndedSessionBatch {
  readonly selected: number;
  readonly sessions: number;
  readonly refreshTokens: number;
}

interface Affected {
  readonly affectedRows?: number;
}

/** The successor inserted (1) and the presented token changed from unused to used (2, MariaDB's count for an update). */
const ROTATED_ROWS = 3;

/**
 * Persistence of sessions and their refresh tokens (one aggregate: a session is its token family). The sign-in
 * and refresh statements are raw SQL tuned by the benches (ADR 0010); keep them as they are.
 */
@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Opens a session with its first refresh token, in the caller's sign-in transaction. */
  async open(tx: EntityManager, session: NewSession, tokenHash: string): Promise<void> {
    // Raw SQL, measured hot path: on every sign-in, and the entity insert builder costs more CPU than the statements.
    await tx.query(
      `INSERT INTO sessions (id, user_id, masked_ip, region, user_agent, device_id, attempt_id, created_at, last_used_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        session.id,
        session.userId,
        session.maskedIp,
        session.region,
        session.userAgent,
        session.deviceId,
        session.attemptId,
        session.createdAt,
        session.createdAt,
        session.expiresAt,
      ],
    );
    // Raw SQL, measured hot path (as above).
    await tx.query(
      'INSERT INTO refresh_tokens (token_hash, session_id, issued_at, used_at) VALUES (?, ?, ?, NULL)',
      [tokenHash, session.id, session.createdAt],
    );
  }

  /** The presented token with its session and user, without a lock (first statement of a rotation). */
  async findForRotation(tokenHash: string): Promise<RotationRow | undefined> {
    // Raw SQL, measured hot path: one round trip for token, session and user on every refresh.
    const rows: RotationRow[] = await this.dataSource.query(
      `SELECT t.used_at AS usedAt, s.id AS sessionId, s.user_id AS userId, s.created_at AS createdAt,
              s.expires_at AS expiresAt,
              s.revoked_at AS revokedAt, s.last_used_at AS lastUsedAt, s.masked_ip AS maskedIp, s.region AS region,
              u.roles AS roles, u.status AS status
         FROM refresh_tokens t
         JOIN sessions s ON s.id = t.session_id
         JOIN users u ON u.id = s.user_id
        WHERE t.token_hash = ?`,
      [tokenHash],
    );
    return rows.at(0);
  }

  /**
   * One upsert of two rows: the presented token, whose `used_at` is set only if it is still NULL, and its successor.
   * True only when this statement consumed the token (affected rows 3), so exactly one of concurrent uses wins.
   */
  async consumeAndIssue(
    tokenHash: string,
    sessionId: string,
    successorHash: string,
    now: Date,
  ): Promise<boolean> {
    // Raw SQL: an INSERT … ON DUPLICATE KEY UPDATE upsert, so consume and successor commit together (ADR 0010).
    const rotated: Affected = await this.dataSource.query(
      `INSERT INTO refresh_tokens (token_hash, session_id, issued_at, used_at) VALUES (?, ?, ?, ?), (?, ?, ?, NULL)
       ON DUPLICATE KEY UPDATE used_at = IF(used_at IS NULL, VALUES(used_at), used_at)`,
      [tokenHash, sessionId, now, now, successorHash, sessionId, now],
    );
    return rotated.affectedRows === ROTATED_ROWS;
  }

  /** A losing rotation takes back the successor it inserted. */
  async deleteUnusedToken(tokenHash: string): Promise<void> {
    // Raw SQL, measured hot path: the refresh path's statements stay plain parameterised SQL.
    await this.dataSource.query('DELETE FROM refresh_tokens WHERE token_hash = ? AND used_at IS NULL', [
      tokenHash,
    ]);
  }

  /** Records the last use (and the network it came from) of a live session. */
  async touch(
    sessionId: string,
    change: { readonly lastUsedAt: Date; readonly maskedIp: string; readonly region: string | null },
  ): Promise<void> {
    // Raw SQL, measured hot path: on refresh, without loading the entity.
    await this.dataSource.query(
      'UPDATE sessions SET last_used_at = ?, masked_ip = ?, region = ? WHERE id = ? AND revoked_at IS NULL',
      [change.lastUsedAt, change.maskedIp, change.region, sessionId],
    );
  }

  async findToken(tx: EntityManager, tokenHash: string): Promise<RefreshTokenEntity | null> {
    return tx.findOneBy(RefreshTokenEntity, { tokenHash });
  }

  /** The live session with this id (of this user, when given), locked for update. */
  /** Whether the user ever had a session (live or ended, until retention) on this device. */
  async existsOnDevice(userId: string, deviceId: string): Promise<boolean> {
    return this.dataSource.getRepository(SessionEntity).exists({ where: { userId, deviceId } });
  }

  async lockLive(tx: EntityManager, sessionId: string, userId?: string): Promise<SessionEntity | null> {
    return tx.findOne(SessionEntity, {
      where: { id: sessionId, ...(userId === undefined ? {} : { userId }), revokedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Every live session of the user (or only the one a login attempt opened), locked for update. */
  async lockLiveOfUser(tx: EntityManager, userId: string, attemptId?: string): Promise<SessionEntity[]> {
    return tx.find(SessionEntity, {
      where: { userId, ...(attemptId === undefined ? {} : { attemptId }), revokedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Marks sessions revoked and deletes their unused refresh tokens (used ones stay, so reuse is still detected). */
  async revoke(
    tx: EntityManager,
    ids: readonly string[],
    reason: SessionEndReason,
    now: Date,
  ): Promise<void> {
    await tx.update(SessionEntity, { id: In([...ids]) }, { revokedAt: now, revokeReason: reason });
    await tx.delete(RefreshTokenEntity, { sessionId: In([...ids]), usedAt: IsNull() });
  }

  /** Sessions not revoked, most recently used first (expiry is the caller's to judge). */
  async listUnrevoked(userId: string): Promise<SessionEntity[]> {
    return this.dataSource.getRepository(SessionEntity).find({
      where: { userId, revokedAt: IsNull() },
      order: { lastUsedAt: 'DESC' },
      take: 100,
    });
  }

  async countUnrevoked(tx: EntityManager, userId: string): Promise<number> {
    return tx.count(SessionEntity, { where: { userId, revokedAt: IsNull() } });
  }

  async listOfUser(tx: EntityManager, userId: string, take: number): Promise<SessionEntity[]> {
    return tx.find(SessionEntity, { where: { userId }, order: { createdAt: 'DESC' }, take });
  }

  /** Erasure: every session of the user with all its refresh tokens. */
  async deleteAllOfUser(tx: EntityManager, userId: string): Promise<void> {
    const ids = (await tx.find(SessionEntity, { where: { userId }, select: { id: true } })).map((s) => s.id);
    if (ids.length === 0) return;
    await tx.delete(RefreshTokenEntity, { sessionId: In(ids) });
    await tx.delete(SessionEntity, { id: In(ids) });
  }

  /** Retention: one batch of sessions ended (revoked or expired) before the cutoff, with their refresh tokens. */
  async deleteEndedBatch(
    tx: EntityManager,
    column: 'revoked_at' | 'expires_at',
    cutoff: Date,
    limit: number,
  ): Promise<EndedSessionBatch> {
    // Raw SQL: bounded retention batch (SELECT … LIMIT, then set-based deletes by id); column is fixed in code.
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM sessions WHERE ${column} < ? ORDER BY ${column} LIMIT ?`,
      [cutoff, limit],
    );
    if (rows.length === 0) return { selected: 0, sessions: 0, refreshTokens: 0 };
    const ids = rows.map((r) => r.id);
    // Raw SQL: set-based bulk delete.
    const tokens: Affected = await tx.query('DELETE FROM refresh_tokens WHERE session_id IN (?)', [ids]);
    // Raw SQL: set-based bulk delete, re-checking the predicate.
    const deleted: Affected = await tx.query(`DELETE FROM sessions WHERE id IN (?) AND ${column} < ?`, [
      ids,
      cutoff,
    ]);
    return {
      selected: rows.length,
      sessions: deleted.affectedRows ?? 0,
      refreshTokens: tokens.affectedRows ?? 0,
    };
  }
}
