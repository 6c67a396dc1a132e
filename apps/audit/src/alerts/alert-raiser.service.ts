import { randomUUID } from 'node:crypto';

import { Topics } from '@exam/contracts';
import { EventPublisher, type StagedEvent } from '@exam/platform';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { Detection } from '../login-risk/risk-engine';
import { maxSeverity, severityRank } from '../login-risk/risk-policy';
import { AlertRepository, type AlertState } from './alert.repository';
import { SLA_MINUTES } from './alert-status';

/** `stream`: an audit-chain stream (subjectRef is its name), for alerts about the log itself. */
export type AlertSubjectKind = 'user' | 'ip' | 'device' | 'stream';

/** A detection as an alert records it: a risk rule, or another named cause (such as an audit-chain check). */
export type AlertDetection = Omit<Detection, 'rule'> & { readonly rule: string };

export interface AlertCandidate {
  readonly subjectKind: AlertSubjectKind;
  /** The user id, or a fingerprint of the IP or device for attacks spread over many accounts. */
  readonly subjectRef: string;
  readonly userId: string | null;
  /** Institutions the user belongs to (from the login event), merged into the alert. */
  readonly institutionIds: readonly string[];
  readonly score: number;
  readonly detections: readonly AlertDetection[];
  /** Event time of the detection: windows follow the events, not the consumer's clock. */
  readonly seenAt: Date;
  readonly dedupMinutes: number;
}

const MAX_EVIDENCE = 20;
const MAX_INSTITUTIONS = 50;

export interface RaisedAlert {
  readonly alertId: string;
  readonly created: boolean;
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
  constructor(
    private readonly alerts: AlertRepository,
    private readonly events: EventPublisher,
  ) {}

  static causeOf(detections: readonly AlertDetection[]): string {
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
    await this.alerts.upsertMany(manager, [...touched.values()], now);
    await this.alerts.pointSlots(manager, movedSlots);
    await this.events.stageMany(manager, Topics.AlertRaised, raisedEvents);
    return results;
  }

  /** Locks the slots (creating missing ones) and the open alerts they point to, in key order. */
  private async lockOpenAlerts(
    manager: EntityManager,
    keys: readonly string[],
  ): Promise<Map<string, AlertState>> {
    const slots = await this.alerts.lockSlots(manager, keys);
    const alertIds = slots.map((s) => s.alert_id).filter((id): id is string => id !== null);
    const open = new Map<string, AlertState>();
    if (alertIds.length === 0) return open;
    const byId = await this.alerts.lockOpen(manager, alertIds);
    for (const slot of slots) {
      const alert = slot.alert_id === null ? undefined : byId.get(slot.alert_id);
      if (alert) open.set(slot.dedup_key, alert);
    }
    return open;
  }
}
