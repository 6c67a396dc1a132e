import { Injectable } from '@nestjs/common';
import { Topics, type AlertSeverity } from '@exam/contracts';
import { EventPublisher } from '@exam/platform';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { lockOrCreateRow } from '../database/lock-row';
import type { Detection } from '../login-risk/risk-engine';
import { maxSeverity, severityRank } from '../login-risk/risk-policy';
import { SLA_MINUTES } from './alert-status';

export type AlertSubjectKind = 'user' | 'ip' | 'device';

export interface AlertCandidate {
  readonly subjectKind: AlertSubjectKind;
  /** The user id, or a fingerprint of the IP or device for attacks spread over many accounts. */
  readonly subjectRef: string;
  readonly userId: string | null;
  readonly institutionId: string | null;
  readonly score: number;
  readonly detections: readonly Detection[];
  /** Event time of the detection: windows follow the events, not the consumer's clock. */
  readonly seenAt: Date;
  readonly dedupMinutes: number;
}

interface SlotRow {
  alert_id: string | null;
}

interface OpenAlertRow {
  id: string;
  severity: AlertSeverity;
  rules_fired: string;
  evidence: string;
  last_seen_at: Date;
  status: string;
}

const MAX_EVIDENCE = 20;

export interface RaisedAlert {
  readonly alertId: string;
  readonly created: boolean;
}

/**
 * Turns detections into alerts with duplicate suppression: the same subject and cause within the
 * window update the open alert (occurrences, evidence, severity) instead of creating another. A slot
 * row per subject+cause, locked for the transaction, serializes concurrent detections from different
 * partitions (stuffing hits many users, so many partitions, at once).
 */
@Injectable()
export class AlertRaiser {
  constructor(private readonly events: EventPublisher) {}

  static causeOf(detections: readonly Detection[]): string {
    const primary = [...detections].sort((a, b) => b.weight - a.weight || severityRank(b.severity) - severityRank(a.severity)).at(0);
    return primary?.rule ?? 'unknown';
  }

  async raise(manager: EntityManager, candidate: AlertCandidate, now: Date = new Date()): Promise<RaisedAlert> {
    const cause = AlertRaiser.causeOf(candidate.detections);
    const dedupKey = `${candidate.subjectKind}:${candidate.subjectRef}:${cause}`;
    const slot = await lockOrCreateRow<SlotRow>(
      manager,
      ['SELECT alert_id FROM alert_dedup_slots WHERE dedup_key = ? FOR UPDATE', [dedupKey]],
      ['INSERT IGNORE INTO alert_dedup_slots (dedup_key, alert_id) VALUES (?, NULL)', [dedupKey]],
    );
    const openId = slot?.alert_id ?? null;
    const evidence = candidate.detections.map((d) => ({ rule: d.rule, severity: d.severity, reason: d.reason, evidence: d.evidence, seenAt: candidate.seenAt.toISOString() }));
    const severity = maxSeverity(candidate.detections.map((d) => d.severity));
    if (openId !== null) {
      const rows: OpenAlertRow[] = await manager.query(
        "SELECT id, severity, rules_fired, evidence, last_seen_at, status FROM security_alerts WHERE id = ? AND status NOT LIKE 'resolved%' FOR UPDATE",
        [openId],
      );
      const open = rows.at(0);
      const windowStart = candidate.seenAt.getTime() - candidate.dedupMinutes * 60_000;
      if (open && new Date(open.last_seen_at).getTime() >= windowStart) {
        const rules = [...new Set([...(JSON.parse(open.rules_fired) as string[]), ...candidate.detections.map((d) => d.rule)])];
        const mergedEvidence = [...(JSON.parse(open.evidence) as unknown[]), ...evidence].slice(-MAX_EVIDENCE);
        await manager.query(
          `UPDATE security_alerts SET occurrences = occurrences + 1, last_seen_at = GREATEST(last_seen_at, ?), severity = ?,
             score = GREATEST(score, ?), rules_fired = ?, evidence = ?, updated_at = ? WHERE id = ?`,
          [candidate.seenAt, maxSeverity([open.severity, severity]), candidate.score, JSON.stringify(rules), JSON.stringify(mergedEvidence), now, open.id],
        );
        return { alertId: open.id, created: false };
      }
    }
    const alertId = randomUUID();
    await manager.query(
      `INSERT INTO security_alerts (id, subject_kind, subject_ref, user_id, institution_id, cause, severity, score, rules_fired, evidence,
         status, occurrences, first_seen_at, last_seen_at, created_at, sla_due_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'new', 1, ?, ?, ?, ?, ?)`,
      [
        alertId,
        candidate.subjectKind,
        candidate.subjectRef,
        candidate.userId,
        candidate.institutionId,
        cause,
        severity,
        candidate.score,
        JSON.stringify(candidate.detections.map((d) => d.rule)),
        JSON.stringify(evidence),
        candidate.seenAt,
        candidate.seenAt,
        now,
        new Date(now.getTime() + SLA_MINUTES[severity] * 60_000),
        now,
      ],
    );
    await manager.query('UPDATE alert_dedup_slots SET alert_id = ? WHERE dedup_key = ?', [alertId, dedupKey]);
    if (candidate.userId !== null) {
      // The contract's alert event is about a user; IP- and device-wide alerts stay in the staff queue only.
      await this.events.stage(manager, Topics.AlertRaised, {
        subjectId: candidate.userId,
        payload: { alertId, userId: candidate.userId, severity, rulesFired: candidate.detections.map((d) => d.rule) },
      });
    }
    return { alertId, created: true };
  }
}
