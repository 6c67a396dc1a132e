import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type {
  LoginAppealDecision,
  LoginAppealFilter,
  LoginAppealStatus,
  LoginAppealView,
} from './appeal-review';

interface AppealRow {
  id: string;
  attempt_id: string;
  user_id: string;
  statement: string;
  alert_id: string;
  created_at: Date | string;
  status: LoginAppealStatus;
  decision_reason: string | null;
  decided_by: string | null;
  decided_at: Date | string | null;
  decision: string | null;
  score: number | string | null;
  attempted_at: Date | string | null;
}

const SELECT_VIEW = `SELECT a.id, a.attempt_id, a.user_id, a.statement, a.alert_id, a.created_at, a.status,
         a.decision_reason, a.decided_by, a.decided_at, s.decision, s.score, s.attempted_at
    FROM login_appeals a LEFT JOIN login_assessments s ON s.attempt_id = a.attempt_id`;

function dateOf(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

function viewOf(row: AppealRow): LoginAppealView {
  return {
    id: row.id,
    attemptId: row.attempt_id,
    userId: row.user_id,
    statement: row.statement,
    reviewAlertId: row.alert_id,
    createdAt: dateOf(row.created_at),
    status: row.status,
    decisionReason: row.decision_reason,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at === null ? null : dateOf(row.decided_at),
    automatedDecision: row.decision,
    score: row.score === null ? null : Number(row.score),
    attemptedAt: row.attempted_at === null ? null : dateOf(row.attempted_at),
  };
}

/** The staff review of `login_appeals` (no entity maps the table: raw SQL, joined with the assessment). */
@Injectable()
export class AppealReviewRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The review queue: open first, then oldest first (raw: the table has no entity, and it joins the assessment). */
  async list(filter: LoginAppealFilter): Promise<{ items: LoginAppealView[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status !== undefined) {
      where.push('a.status = ?');
      params.push(filter.status);
    }
    if (filter.userId !== undefined) {
      where.push('a.user_id = ?');
      params.push(filter.userId);
    }
    const clause = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
    const rows: AppealRow[] = await this.dataSource.query(
      `${SELECT_VIEW}${clause} ORDER BY a.status = 'open' DESC, a.created_at ASC, a.id ASC LIMIT ? OFFSET ?`,
      [...params, filter.limit, filter.offset],
    );
    const [count]: { total: number | string }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS total FROM login_appeals a${clause}`,
      params,
    );
    return { items: rows.map(viewOf), total: Number(count.total) };
  }

  /** The appeal, row-locked until the transaction ends so that one decision wins (raw: row lock). */
  async lockById(manager: EntityManager, id: string): Promise<LoginAppealView | null> {
    const locked: unknown[] = await manager.query('SELECT id FROM login_appeals WHERE id = ? FOR UPDATE', [
      id,
    ]);
    if (locked.length === 0) return null;
    const rows: AppealRow[] = await manager.query(`${SELECT_VIEW} WHERE a.id = ?`, [id]);
    return rows.length > 0 ? viewOf(rows[0]) : null;
  }

  async markDecided(
    manager: EntityManager,
    id: string,
    decision: LoginAppealDecision,
    reason: string,
    staffId: string,
    now: Date,
  ): Promise<void> {
    await manager.query(
      'UPDATE login_appeals SET status = ?, decision_reason = ?, decided_by = ?, decided_at = ? WHERE id = ?',
      [decision, reason, staffId, now, id],
    );
  }
}
