import { createHash, randomUUID } from 'node:crypto';

import { Clock } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import { StaffActionRecorder } from '../audit-log/staff-action.recorder';
import { AlertNotFoundError, AlertTransitionError } from './alert.errors';
import type { AlertRow, CommentRow } from './alert.rows';
import { type AlertResolution, type AlertStatus, ALLOWED_TRANSITIONS } from './alert-status';
import type { AlertSortField, ListAlertsQueryDto } from './dto/alert-requests.dto';

const SORT_COLUMNS: { readonly [K in AlertSortField]: string } = {
  createdAt: 'created_at',
  lastSeenAt: 'last_seen_at',
  severity: "FIELD(severity, 'low', 'medium', 'high', 'critical')",
  slaDueAt: 'sla_due_at',
  occurrences: 'occurrences',
};

export interface AlertPage {
  readonly rows: AlertRow[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** Free text may name people: the chain gets its hash (binding the text) but never the text itself. */
function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The security staff's review workflow on alerts; every step is chained with who did it. */
@Injectable()
export class AlertsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly staffActions: StaffActionRecorder,
    private readonly clock: Clock,
  ) {}

  async list(query: ListAlertsQueryDto): Promise<AlertPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status?.length) {
      where.push('status IN (?)');
      params.push(query.status);
    }
    if (query.severity?.length) {
      where.push('severity IN (?)');
      params.push(query.severity);
    }
    if (query.rule !== undefined) {
      where.push('JSON_CONTAINS(rules_fired, JSON_QUOTE(?))');
      params.push(query.rule);
    }
    if (query.userId !== undefined) {
      where.push('user_id = ?');
      params.push(query.userId);
    }
    if (query.institutionId !== undefined) {
      where.push('JSON_CONTAINS(institution_ids, JSON_QUOTE(?))');
      params.push(query.institutionId);
    }
    if (query.assigneeId !== undefined) {
      where.push('assignee_id = ?');
      params.push(query.assigneeId);
    }
    if (query.from !== undefined) {
      where.push('created_at >= ?');
      params.push(new Date(query.from));
    }
    if (query.to !== undefined) {
      where.push('created_at < ?');
      params.push(new Date(query.to));
    }
    const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const order = `${SORT_COLUMNS[query.sort ?? 'createdAt']} ${query.order === 'asc' ? 'ASC' : 'DESC'}, id ASC`;
    const rows: AlertRow[] = await this.dataSource.query(
      `SELECT * FROM security_alerts ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    const totals: { n: string | number }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM security_alerts ${clause}`,
      params,
    );
    return { rows, total: Number(totals[0]?.n ?? 0), limit, offset };
  }

  async detail(id: string): Promise<{ alert: AlertRow; comments: CommentRow[] }> {
    const rows: AlertRow[] = await this.dataSource.query('SELECT * FROM security_alerts WHERE id = ?', [id]);
    const alert = rows.at(0);
    if (!alert) throw new AlertNotFoundError(id);
    const comments: CommentRow[] = await this.dataSource.query(
      'SELECT * FROM alert_comments WHERE alert_id = ? ORDER BY created_at, id',
      [id],
    );
    return { alert, comments };
  }

  /** Acknowledges every listed alert that is still new; the rest are reported back as skipped. */
  async acknowledge(
    ids: readonly string[],
    staffId: string,
  ): Promise<{ acknowledged: string[]; skipped: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const rows: AlertRow[] = await manager.query(
        "SELECT * FROM security_alerts WHERE id IN (?) AND status = 'new' ORDER BY id FOR UPDATE",
        [ids],
      );
      const now = this.clock.now();
      const acknowledged = rows.map((r) => r.id);
      if (acknowledged.length > 0) {
        await manager.query(
          "UPDATE security_alerts SET status = 'acknowledged', acknowledged_at = ?, updated_at = ? WHERE id IN (?)",
          [now, now, acknowledged],
        );
      }
      for (const row of rows) {
        await this.staffActions.record(
          manager,
          {
            type: 'staff.alert.acknowledged',
            staffId,
            subjectUserId: row.user_id,
            attributes: { alertId: row.id },
          },
          now,
        );
      }
      return { acknowledged, skipped: ids.filter((id) => !acknowledged.includes(id)) };
    });
  }

  async assign(id: string, assigneeId: string, staffId: string): Promise<AlertRow> {
    return this.change(id, staffId, async (manager, alert, now) => {
      await manager.query('UPDATE security_alerts SET assignee_id = ?, updated_at = ? WHERE id = ?', [
        assigneeId,
        now,
        id,
      ]);
      return { type: 'staff.alert.assigned', attributes: { alertId: alert.id, assigneeId } };
    });
  }

  async investigate(id: string, staffId: string): Promise<AlertRow> {
    return this.change(id, staffId, async (manager, alert, now) => {
      this.assertTransition(alert.status, 'investigating');
      await manager.query(
        "UPDATE security_alerts SET status = 'investigating', acknowledged_at = COALESCE(acknowledged_at, ?), assignee_id = COALESCE(assignee_id, ?), updated_at = ? WHERE id = ?",
        [now, staffId, now, id],
      );
      return { type: 'staff.alert.investigating', attributes: { alertId: alert.id } };
    });
  }

  async comment(id: string, body: string, staffId: string): Promise<AlertRow> {
    return this.change(id, staffId, async (manager, alert, now) => {
      const commentId = randomUUID();
      await manager.query(
        'INSERT INTO alert_comments (id, alert_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)',
        [commentId, id, staffId, body, now],
      );
      await manager.query('UPDATE security_alerts SET updated_at = ? WHERE id = ?', [now, id]);
      return {
        type: 'staff.alert.commented',
        attributes: { alertId: alert.id, commentId, bodySha256: textHash(body) },
      };
    });
  }

  async resolve(id: string, resolution: AlertResolution, note: string, staffId: string): Promise<AlertRow> {
    return this.change(id, staffId, async (manager, alert, now) => {
      const status: AlertStatus =
        resolution === 'true_positive' ? 'resolved_true_positive' : 'resolved_false_positive';
      this.assertTransition(alert.status, status);
      await manager.query(
        `UPDATE security_alerts SET status = ?, resolution = ?, resolution_note = ?, resolved_at = ?, acknowledged_at = COALESCE(acknowledged_at, ?),
           updated_at = ? WHERE id = ?`,
        [status, resolution, note, now, now, now, id],
      );
      // A resolved alert frees its duplicate-suppression slot: the next detection opens a fresh alert.
      await manager.query('UPDATE alert_dedup_slots SET alert_id = NULL WHERE alert_id = ?', [id]);
      return {
        type: 'staff.alert.resolved',
        attributes: { alertId: alert.id, resolution, noteSha256: textHash(note) },
      };
    });
  }

  private assertTransition(from: AlertStatus, to: AlertStatus): void {
    const allowed = ALLOWED_TRANSITIONS[from];
    if (!allowed.includes(to)) throw new AlertTransitionError(from, to, allowed);
  }

  private async change(
    id: string,
    staffId: string,
    work: (
      manager: EntityManager,
      alert: AlertRow,
      now: Date,
    ) => Promise<{ type: string; attributes: Record<string, string> }>,
  ): Promise<AlertRow> {
    return this.dataSource.transaction(async (manager) => {
      const rows: AlertRow[] = await manager.query('SELECT * FROM security_alerts WHERE id = ? FOR UPDATE', [
        id,
      ]);
      const alert = rows.at(0);
      if (!alert) throw new AlertNotFoundError(id);
      const now = this.clock.now();
      const action = await work(manager, alert, now);
      await this.staffActions.record(
        manager,
        { type: action.type, staffId, subjectUserId: alert.user_id, attributes: action.attributes },
        now,
      );
      const updated: AlertRow[] = await manager.query('SELECT * FROM security_alerts WHERE id = ?', [id]);
      return updated[0] ?? alert;
    });
  }
}
