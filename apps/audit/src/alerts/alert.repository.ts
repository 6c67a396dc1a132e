import type { AlertSeverity } from '@exam/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

import type { AlertRow, CommentRow } from './alert.rows';
import type { AlertResolution, AlertStatus } from './alert-status';

/** An alert as the raiser works on it; written back whole, whether new or updated. */
export interface AlertState {
  readonly id: string;
  readonly subjectKind: string;
  readonly subjectRef: string;
  readonly userId: string | null;
  readonly cause: string;
  readonly firstSeenAt: Date;
  readonly createdAt: Date;
  readonly slaDueAt: Date;
  institutionIds: string[];
  severity: AlertSeverity;
  score: number;
  rules: string[];
  evidence: unknown[];
  occurrences: number;
  lastSeenAt: Date;
}

/** The staff queue's filters; every one optional, combined with AND. */
export interface AlertFilter {
  readonly statuses?: readonly AlertStatus[];
  readonly severities?: readonly AlertSeverity[];
  readonly rule?: string;
  readonly userId?: string;
  readonly institutionId?: string;
  readonly assigneeId?: string;
  readonly createdFrom?: Date;
  readonly createdTo?: Date;
}

export type AlertSortKey = 'createdAt' | 'lastSeenAt' | 'severity' | 'slaDueAt' | 'occurrences';

export interface AlertListQuery {
  readonly filter: AlertFilter;
  readonly sort: AlertSortKey;
  readonly order: 'asc' | 'desc';
  readonly limit: number;
  readonly offset: number;
}

/** A review alert for a user's appeal of an automated decision. */
export interface AppealAlert {
  readonly id: string;
  readonly userId: string;
  readonly score: number;
  /** The appealed assessment's rules, as stored (JSON array). */
  readonly rulesFiredJson: string;
  readonly evidence: readonly unknown[];
  readonly slaDueAt: Date;
}

interface SlotRow {
  dedup_key: string;
  alert_id: string | null;
}

/** The columns of an open alert that the raiser reads back to update it. */
type OpenAlertRow = Pick<
  AlertRow,
  | 'id'
  | 'subject_kind'
  | 'subject_ref'
  | 'user_id'
  | 'institution_id'
  | 'institution_ids'
  | 'cause'
  | 'severity'
  | 'score'
  | 'rules_fired'
  | 'evidence'
  | 'occurrences'
  | 'first_seen_at'
  | 'last_seen_at'
  | 'created_at'
  | 'sla_due_at'
>;

const ALERT_COLUMNS = [
  'id',
  'subject_kind',
  'subject_ref',
  'user_id',
  'institution_id',
  'institution_ids',
  'cause',
  'severity',
  'score',
  'rules_fired',
  'evidence',
  'status',
  'occurrences',
  'first_seen_at',
  'last_seen_at',
  'created_at',
  'sla_due_at',
  'updated_at',
] as const;
const UPDATED_ON_REPEAT = [
  'institution_id',
  'institution_ids',
  'severity',
  'score',
  'rules_fired',
  'evidence',
  'occurrences',
  'last_seen_at',
  'updated_at',
];

const SORT_COLUMNS: { readonly [K in AlertSortKey]: string } = {
  createdAt: 'created_at',
  lastSeenAt: 'last_seen_at',
  severity: "FIELD(severity, 'low', 'medium', 'high', 'critical')",
  slaDueAt: 'sla_due_at',
  occurrences: 'occurrences',
};

function stateOf(row: OpenAlertRow): AlertState {
  return {
    id: row.id,
    subjectKind: row.subject_kind,
    subjectRef: row.subject_ref,
    userId: row.user_id,
    cause: row.cause,
    firstSeenAt: new Date(row.first_seen_at),
    createdAt: new Date(row.created_at),
    slaDueAt: new Date(row.sla_due_at),
    institutionIds: JSON.parse(row.institution_ids) as string[],
    severity: row.severity,
    score: row.score,
    rules: JSON.parse(row.rules_fired) as string[],
    evidence: JSON.parse(row.evidence) as unknown[],
    occurrences: row.occurrences,
    lastSeenAt: new Date(row.last_seen_at),
  };
}

function rowValues(alert: AlertState, now: Date): unknown[] {
  return [
    alert.id,
    alert.subjectKind,
    alert.subjectRef,
    alert.userId,
    alert.institutionIds.at(0) ?? null,
    JSON.stringify(alert.institutionIds),
    alert.cause,
    alert.severity,
    alert.score,
    JSON.stringify(alert.rules),
    JSON.stringify(alert.evidence),
    'new',
    alert.occurrences,
    alert.firstSeenAt,
    alert.lastSeenAt,
    alert.createdAt,
    alert.slaDueAt,
    now,
  ];
}

/**
 * Security alerts (`security_alerts`), their staff comments (`alert_comments`) and the
 * duplicate-suppression slots (`alert_dedup_slots`, one per subject and cause, pointing at the open
 * alert). No entity maps these tables: every statement is raw SQL, and the raising path is part of the
 * login ingestion measured by the benches (ADR 0023).
 */
@Injectable()
export class AlertRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks the slots of `keys` (sorted), creating missing ones. Raw: row locks in key order with
   * INSERT IGNORE of the missing rows.
   */
  async lockSlots(manager: EntityManager, keys: readonly string[]): Promise<SlotRow[]> {
    const select = (): Promise<SlotRow[]> =>
      manager.query(
        'SELECT dedup_key, alert_id FROM alert_dedup_slots WHERE dedup_key IN (?) ORDER BY dedup_key FOR UPDATE',
        [keys],
      );
    let slots = await select();
    if (slots.length < keys.length) {
      const known = new Set(slots.map((s) => s.dedup_key));
      const missing = keys.filter((k) => !known.has(k));
      await manager.query(
        `INSERT IGNORE INTO alert_dedup_slots (dedup_key, alert_id) VALUES ${missing.map(() => '(?, NULL)').join(', ')}`,
        missing,
      );
      slots = await select();
    }
    return slots;
  }

  /** Locks the alerts among `alertIds` that are still open, in id order (raw: row locks in order). */
  async lockOpen(manager: EntityManager, alertIds: readonly string[]): Promise<Map<string, AlertState>> {
    if (alertIds.length === 0) return new Map();
    const rows: OpenAlertRow[] = await manager.query(
      `SELECT ${ALERT_COLUMNS.filter((c) => c !== 'status' && c !== 'updated_at').join(', ')} FROM security_alerts
       WHERE id IN (?) AND status NOT LIKE 'resolved%' ORDER BY id FOR UPDATE`,
      [alertIds],
    );
    return new Map(rows.map((r) => [r.id, stateOf(r)]));
  }

  /** Raw: one multi-row INSERT … ON DUPLICATE KEY UPDATE for new and repeated alerts of a batch. */
  async upsertMany(manager: EntityManager, alerts: readonly AlertState[], now: Date): Promise<void> {
    if (alerts.length === 0) return;
    const placeholders = `(${ALERT_COLUMNS.map(() => '?').join(', ')})`;
    await manager.query(
      `INSERT INTO security_alerts (${ALERT_COLUMNS.join(', ')}) VALUES ${alerts.map(() => placeholders).join(', ')}
         ON DUPLICATE KEY UPDATE ${UPDATED_ON_REPEAT.map((c) => `${c} = VALUES(${c})`).join(', ')}`,
      alerts.flatMap((a) => rowValues(a, now)),
    );
  }

  /** Points slots at their new open alerts (raw: multi-row upsert). */
  async pointSlots(manager: EntityManager, slots: ReadonlyMap<string, string>): Promise<void> {
    if (slots.size === 0) return;
    await manager.query(
      `INSERT INTO alert_dedup_slots (dedup_key, alert_id) VALUES ${[...slots].map(() => '(?, ?)').join(', ')}
         ON DUPLICATE KEY UPDATE alert_id = VALUES(alert_id)`,
      [...slots].flatMap(([key, id]) => [key, id]),
    );
  }

  /** A resolved alert frees its slot: the next detection opens a fresh alert (raw: set-based update). */
  async freeSlotOf(manager: EntityManager, alertId: string): Promise<void> {
    await manager.query('UPDATE alert_dedup_slots SET alert_id = NULL WHERE alert_id = ?', [alertId]);
  }

  /**
   * A page of the staff queue and the total matching. Raw: filters on JSON arrays (JSON_CONTAINS) and
   * severity ordering by FIELD(), which the ORM cannot say.
   */
  async list(query: AlertListQuery): Promise<{ rows: AlertRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const { filter } = query;
    if (filter.statuses?.length) {
      where.push('status IN (?)');
      params.push(filter.statuses);
    }
    if (filter.severities?.length) {
      where.push('severity IN (?)');
      params.push(filter.severities);
    }
    if (filter.rule !== undefined) {
      where.push('JSON_CONTAINS(rules_fired, JSON_QUOTE(?))');
      params.push(filter.rule);
    }
    if (filter.userId !== undefined) {
      where.push('user_id = ?');
      params.push(filter.userId);
    }
    if (filter.institutionId !== undefined) {
      where.push('JSON_CONTAINS(institution_ids, JSON_QUOTE(?))');
      params.push(filter.institutionId);
    }
    if (filter.assigneeId !== undefined) {
      where.push('assignee_id = ?');
      params.push(filter.assigneeId);
    }
    if (filter.createdFrom !== undefined) {
      where.push('created_at >= ?');
      params.push(filter.createdFrom);
    }
    if (filter.createdTo !== undefined) {
      where.push('created_at < ?');
      params.push(filter.createdTo);
    }
    const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
    const order = `${SORT_COLUMNS[query.sort]} ${query.order === 'asc' ? 'ASC' : 'DESC'}, id ASC`;
    const rows: AlertRow[] = await this.dataSource.query(
      `SELECT * FROM security_alerts ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    const totals: { n: string | number }[] = await this.dataSource.query(
      `SELECT COUNT(*) AS n FROM security_alerts ${clause}`,
      params,
    );
    return { rows, total: Number(totals[0]?.n ?? 0) };
  }

  /** Raw: no entity maps the table. */
  async findById(id: string): Promise<AlertRow | undefined> {
    const rows: AlertRow[] = await this.dataSource.query('SELECT * FROM security_alerts WHERE id = ?', [id]);
    return rows.at(0);
  }

  /** The alert as the transaction sees it (after its own changes). */
  async reload(manager: EntityManager, id: string): Promise<AlertRow | undefined> {
    const rows: AlertRow[] = await manager.query('SELECT * FROM security_alerts WHERE id = ?', [id]);
    return rows.at(0);
  }

  async exists(manager: EntityManager, id: string): Promise<boolean> {
    const found: unknown[] = await manager.query('SELECT id FROM security_alerts WHERE id = ?', [id]);
    return found.length > 0;
  }

  /** Raw: row lock. */
  async lockById(manager: EntityManager, id: string): Promise<AlertRow | undefined> {
    const rows: AlertRow[] = await manager.query('SELECT * FROM security_alerts WHERE id = ? FOR UPDATE', [
      id,
    ]);
    return rows.at(0);
  }

  /** The listed alerts that are still new, locked in id order (raw: row locks in order). */
  lockNew(manager: EntityManager, ids: readonly string[]): Promise<AlertRow[]> {
    return manager.query(
      "SELECT * FROM security_alerts WHERE id IN (?) AND status = 'new' ORDER BY id FOR UPDATE",
      [ids],
    );
  }

  /** Raw: set-based update of the locked alerts. */
  async markAcknowledged(manager: EntityManager, ids: readonly string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      "UPDATE security_alerts SET status = 'acknowledged', acknowledged_at = ?, updated_at = ? WHERE id IN (?)",
      [now, now, ids],
    );
  }

  async assign(manager: EntityManager, id: string, assigneeId: string, now: Date): Promise<void> {
    await manager.query('UPDATE security_alerts SET assignee_id = ?, updated_at = ? WHERE id = ?', [
      assigneeId,
      now,
      id,
    ]);
  }

  /** Raw: COALESCE keeps an earlier acknowledgement and assignee. */
  async markInvestigating(manager: EntityManager, id: string, staffId: string, now: Date): Promise<void> {
    await manager.query(
      "UPDATE security_alerts SET status = 'investigating', acknowledged_at = COALESCE(acknowledged_at, ?), assignee_id = COALESCE(assignee_id, ?), updated_at = ? WHERE id = ?",
      [now, staffId, now, id],
    );
  }

  /** Raw: COALESCE keeps an earlier acknowledgement. */
  async markResolved(
    manager: EntityManager,
    id: string,
    resolved: { status: AlertStatus; resolution: AlertResolution; note: string },
    now: Date,
  ): Promise<void> {
    await manager.query(
      `UPDATE security_alerts SET status = ?, resolution = ?, resolution_note = ?, resolved_at = ?, acknowledged_at = COALESCE(acknowledged_at, ?),
           updated_at = ? WHERE id = ?`,
      [resolved.status, resolved.resolution, resolved.note, now, now, now, id],
    );
  }

  async addComment(
    manager: EntityManager,
    comment: { id: string; alertId: string; authorId: string; body: string },
    now: Date,
  ): Promise<void> {
    await manager.query(
      'INSERT INTO alert_comments (id, alert_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)',
      [comment.id, comment.alertId, comment.authorId, comment.body, now],
    );
    await manager.query('UPDATE security_alerts SET updated_at = ? WHERE id = ?', [now, comment.alertId]);
  }

  commentsOf(alertId: string): Promise<CommentRow[]> {
    return this.dataSource.query('SELECT * FROM alert_comments WHERE alert_id = ? ORDER BY created_at, id', [
      alertId,
    ]);
  }

  /** A new medium alert in the staff queue for a user's appeal (no dedup slot: every appeal is reviewed). */
  async insertAppealAlert(manager: EntityManager, alert: AppealAlert, now: Date): Promise<void> {
    await manager.query(
      `INSERT INTO security_alerts (id, subject_kind, subject_ref, user_id, institution_id, cause, severity, score, rules_fired, evidence,
           status, occurrences, first_seen_at, last_seen_at, created_at, sla_due_at, updated_at)
         VALUES (?, 'user', ?, ?, NULL, 'appeal', 'medium', ?, ?, ?, 'new', 1, ?, ?, ?, ?, ?)`,
      [
        alert.id,
        alert.userId,
        alert.userId,
        alert.score,
        alert.rulesFiredJson,
        JSON.stringify(alert.evidence),
        now,
        now,
        now,
        alert.slaDueAt,
        now,
      ],
    );
  }
}
