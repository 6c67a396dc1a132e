import { randomUUID } from 'node:crypto';

import { type AlertSeverity, Topics } from '@exam/contracts';
import { EventPublisher, type StagedEvent } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { Detection } from '../login-risk/risk-engine';
import { maxSeverity, severityRank } from '../login-risk/risk-policy';
import type { AlertRow } from './alert.rows';
import { SLA_MINUTES } from './alert-status';

export type AlertSubjectKind = 'user' | 'ip' | 'device';

export interface AlertCandidate {
  readonly subjectKind: AlertSubjectKind;
  /** The user id, or a fingerprint of the IP or device for attacks spread over many accounts. */
  readonly subjectRef: string;
  readonly userId: string | null;
  /** Institutions the user belongs to (from the login event), merged into the alert. */
  readonly institutionIds: readonly string[];
  readonly score: number;
  readonly detections: readonly Detection[];
  /** Event time of the detection: windows follow the events, not the consumer's clock. */
  readonly seenAt: Date;
  readonly dedupMinutes: number;
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

/** An alert as the batch leaves it; written once at the end, whether new or updated. */
interface AlertState {
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

const MAX_EVIDENCE = 20;
const MAX_INSTITUTIONS = 50;

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

export interface RaisedAlert {
  readonly alertId: string;
  readonly created: boolean;
}

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
 * Turns detections into alerts with duplicate suppression: the same subject and cause within the
 * window update the open alert (occurrences, evidence, severity, institutions) instead of creating
 * another. A slot row per subject+cause, locked for the transaction, serializes concurrent detections
 * from different partitions (stuffing hits many users, so many partitions, at once). A batch of
 * candidates is resolved in order in memory and written with one upsert per table.
 */
@Injectable()
export class AlertRaiser {
  constructor(private readonly events: EventPublisher) {}

  static causeOf(detections: readonly Detection[]): string {
    const primary = [...detections]
      .sort((a, b) => b.weight - a.weight || severityRank(b.severity) - severityRank(a.severity))
      .at(0);
    return primary?.rule ?? 'unknown';
  }

  static dedupKeyOf(candidate: AlertCandidate): string {
    return `${candidate.subjectKind}:${candidate.subjectRef}:${AlertRaiser.causeOf(candidate.detections)}`;
  }

  /** Raises or updates an alert for each candidate, in order; returns one result per candidate. */
  async raiseMany(
    manager: EntityManager,
    candidates: readonly AlertCandidate[],
    now: Date,
  ): Promise<RaisedAlert[]> {
    if (candidates.length === 0) return [];
    const keys = [...new Set(candidates.map((c) => AlertRaiser.dedupKeyOf(c)))].sort();
    const open = await this.lockOpenAlerts(manager, keys);
    const touched = new Map<string, AlertState>();
    const movedSlots = new Map<string, string>();
    const raisedEvents: StagedEvent<'audit.alert.raised'>[] = [];
    const results = candidates.map((candidate): RaisedAlert => {
      const key = AlertRaiser.dedupKeyOf(candidate);
      const current = open.get(key);
      const evidence = candidate.detections.map((d) => ({
        rule: d.rule,
        severity: d.severity,
        reason: d.reason,
        evidence: d.evidence,
        seenAt: candidate.seenAt.toISOString(),
      }));
      const severity = maxSeverity(candidate.detections.map((d) => d.severity));
      const windowStart = candidate.seenAt.getTime() - candidate.dedupMinutes * 60_000;
      if (current && current.lastSeenAt.getTime() >= windowStart) {
        current.occurrences += 1;
        if (candidate.seenAt > current.lastSeenAt) current.lastSeenAt = candidate.seenAt;
        current.severity = maxSeverity([current.severity, severity]);
        current.score = Math.max(current.score, candidate.score);
        current.rules = [...new Set([...current.rules, ...candidate.detections.map((d) => d.rule)])];
        current.evidence = [...current.evidence, ...evidence].slice(-MAX_EVIDENCE);
        current.institutionIds = [...new Set([...current.institutionIds, ...candidate.institutionIds])].slice(
          0,
          MAX_INSTITUTIONS,
        );
        touched.set(current.id, current);
        return { alertId: current.id, created: false };
      }
      const created: AlertState = {
        id: randomUUID(),
        subjectKind: candidate.subjectKind,
        subjectRef: candidate.subjectRef,
        userId: candidate.userId,
        cause: AlertRaiser.causeOf(candidate.detections),
        firstSeenAt: candidate.seenAt,
        createdAt: now,
        slaDueAt: new Date(now.getTime() + SLA_MINUTES[severity] * 60_000),
        institutionIds: [...new Set(candidate.institutionIds)].slice(0, MAX_INSTITUTIONS),
        severity,
        score: candidate.score,
        rules: candidate.detections.map((d) => d.rule),
        evidence,
        occurrences: 1,
        lastSeenAt: candidate.seenAt,
      };
      open.set(key, created);
      touched.set(created.id, created);
      movedSlots.set(key, created.id);
      if (candidate.userId !== null) {
        // The contract's alert event is about a user; IP- and device-wide alerts stay in the staff queue only.
        raisedEvents.push({
          subjectId: candidate.userId,
          payload: {
            alertId: created.id,
            userId: candidate.userId,
            severity,
            rulesFired: [...created.rules],
          },
        });
      }
      return { alertId: created.id, created: true };
    });
    await this.write(manager, [...touched.values()], movedSlots, now);
    await this.events.stageMany(manager, Topics.AlertRaised, raisedEvents);
    return results;
  }

  /** Locks the slots (creating missing ones) and the open alerts they point to, in key order. */
  private async lockOpenAlerts(
    manager: EntityManager,
    keys: readonly string[],
  ): Promise<Map<string, AlertState>> {
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
    const alertIds = slots.map((s) => s.alert_id).filter((id): id is string => id !== null);
    const open = new Map<string, AlertState>();
    if (alertIds.length === 0) return open;
    const rows: OpenAlertRow[] = await manager.query(
      `SELECT ${ALERT_COLUMNS.filter((c) => c !== 'status' && c !== 'updated_at').join(', ')} FROM security_alerts
       WHERE id IN (?) AND status NOT LIKE 'resolved%' ORDER BY id FOR UPDATE`,
      [alertIds],
    );
    const byId = new Map(rows.map((r) => [r.id, stateOf(r)]));
    for (const slot of slots) {
      const alert = slot.alert_id === null ? undefined : byId.get(slot.alert_id);
      if (alert) open.set(slot.dedup_key, alert);
    }
    return open;
  }

  private async write(
    manager: EntityManager,
    alerts: readonly AlertState[],
    movedSlots: ReadonlyMap<string, string>,
    now: Date,
  ): Promise<void> {
    if (alerts.length > 0) {
      const placeholders = `(${ALERT_COLUMNS.map(() => '?').join(', ')})`;
      await manager.query(
        `INSERT INTO security_alerts (${ALERT_COLUMNS.join(', ')}) VALUES ${alerts.map(() => placeholders).join(', ')}
         ON DUPLICATE KEY UPDATE ${UPDATED_ON_REPEAT.map((c) => `${c} = VALUES(${c})`).join(', ')}`,
        alerts.flatMap((a) => rowValues(a, now)),
      );
    }
    if (movedSlots.size > 0) {
      await manager.query(
        `INSERT INTO alert_dedup_slots (dedup_key, alert_id) VALUES ${[...movedSlots].map(() => '(?, ?)').join(', ')}
         ON DUPLICATE KEY UPDATE alert_id = VALUES(alert_id)`,
        [...movedSlots].flatMap(([key, id]) => [key, id]),
      );
    }
  }
}
