import { Inject, Injectable } from '@nestjs/common';
import { Topics, type EventEnvelope } from '@exam/contracts';
import { EventPublisher } from '@exam/platform';
import { maskIp } from '@exam/crypto/masking';
import type { EntityManager } from 'typeorm';
import { AlertRaiser, type AlertSubjectKind } from '../alerts/alert-raiser.service';
import { fingerprint } from '../audit-log/audit-record.mapper';
import { lockOrCreateRow } from '../database/lock-row';
import { IP_GEOLOCATOR, type IpGeolocator } from './geo/ip-geolocator';
import { assessLogin, EMPTY_HISTORY, nextHistory, type Assessment, type LoginFacts, type LoginHistory, type SourceCounts } from './risk-engine';
import type { RiskPolicy } from './risk-policy';
import { RiskPolicyRepository } from './risk-policy.repository';
import { SourcePseudonymizer } from './source-pseudonymizer';

interface ProfileRow {
  history: string;
}

interface CountRow {
  n: string | number;
}

const MS_PER_MINUTE = 60_000;

/**
 * Scores one login attempt against the user's history and the failure windows of its IP and device,
 * then records the assessment, updates the history, raises or updates an alert, and (for attempts
 * whose credentials were accepted) tells accounts the decision. All in the event's transaction.
 */
@Injectable()
export class LoginRiskService {
  constructor(
    @Inject(IP_GEOLOCATOR) private readonly geolocator: IpGeolocator,
    private readonly policies: RiskPolicyRepository,
    private readonly pseudonyms: SourcePseudonymizer,
    private readonly alerts: AlertRaiser,
    private readonly events: EventPublisher,
  ) {}

  async assess(manager: EntityManager, event: EventEnvelope<'accounts.login.attempted'>): Promise<Assessment> {
    const p = event.payload;
    const facts: LoginFacts = {
      attemptId: p.attemptId,
      userId: p.userId ?? null,
      outcome: p.outcome,
      at: new Date(p.attemptedAt),
      ipMasked: maskIp(p.ip),
      deviceRef: p.deviceId === undefined ? null : fingerprint(p.deviceId),
      location: this.geolocator.locate(p.ip),
    };
    const policy = await this.policies.current(manager);
    const ipRef = this.pseudonyms.ref('ip', p.ip);
    const deviceRef = p.deviceId === undefined ? null : this.pseudonyms.ref('device', p.deviceId);
    if (facts.outcome === 'failure') await this.recordFailure(manager, facts, ipRef, deviceRef);
    const sources = await this.countSources(manager, facts.at, ipRef, deviceRef, policy);
    const history = facts.userId === null ? EMPTY_HISTORY : await this.lockHistory(manager, facts.userId);
    const assessment = assessLogin(facts, history, sources, policy);
    if (facts.userId !== null) await this.saveHistory(manager, facts.userId, nextHistory(history, facts, policy));

    let alertId: string | null = null;
    if (assessment.raisesAlert) {
      const subject = this.alertSubject(assessment, facts, ipRef, deviceRef);
      if (subject) {
        const raised = await this.alerts.raise(manager, {
          ...subject,
          userId: facts.userId,
          institutionId: null,
          score: assessment.score,
          detections: assessment.detections,
          seenAt: facts.at,
          dedupMinutes: policy.thresholds.alertDedupMinutes,
        });
        alertId = raised.alertId;
      }
    }
    await manager.query(
      `INSERT INTO login_assessments (attempt_id, user_id, outcome, decision, score, severity, rules_fired, detections, ip_masked,
         attempted_at, assessed_at, alert_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(3), ?)
       ON DUPLICATE KEY UPDATE attempt_id = attempt_id`,
      [
        facts.attemptId,
        facts.userId,
        facts.outcome,
        assessment.decision,
        assessment.score,
        assessment.severity,
        JSON.stringify(assessment.rulesFired),
        JSON.stringify(assessment.detections),
        facts.ipMasked,
        facts.at,
        alertId,
      ],
    );
    if (facts.userId !== null && (facts.outcome === 'success' || facts.outcome === 'step_up_required')) {
      await this.events.stage(manager, Topics.LoginAssessed, {
        subjectId: facts.userId,
        payload: {
          attemptId: facts.attemptId,
          userId: facts.userId,
          decision: assessment.decision,
          score: assessment.score,
          rulesFired: [...assessment.rulesFired],
        },
      });
    }
    return assessment;
  }

  private alertSubject(
    assessment: Assessment,
    facts: LoginFacts,
    ipRef: string,
    deviceRef: string | null,
  ): { subjectKind: AlertSubjectKind; subjectRef: string } | null {
    const cause = AlertRaiser.causeOf(assessment.detections);
    // An attack across many accounts is one alert about its source, not one per victim.
    if (cause === 'credential_stuffing_ip') return { subjectKind: 'ip', subjectRef: ipRef };
    if (cause === 'credential_stuffing_device' && deviceRef !== null) return { subjectKind: 'device', subjectRef: deviceRef };
    return facts.userId === null ? null : { subjectKind: 'user', subjectRef: facts.userId };
  }

  private async recordFailure(manager: EntityManager, facts: LoginFacts, ipRef: string, deviceRef: string | null): Promise<void> {
    // Unknown accounts count individually: spraying random names is stuffing too.
    const account = facts.userId ?? `unknown:${facts.attemptId}`;
    const refs = deviceRef === null ? [ipRef] : [ipRef, deviceRef];
    for (const ref of refs) {
      await manager.query('INSERT INTO login_source_failures (source_ref, account_ref, failed_at) VALUES (?, ?, ?)', [ref, account, facts.at]);
    }
  }

  private async countSources(manager: EntityManager, at: Date, ipRef: string, deviceRef: string | null, policy: RiskPolicy): Promise<SourceCounts> {
    const count = async (ref: string, windowMinutes: number): Promise<number> => {
      const rows: CountRow[] = await manager.query(
        'SELECT COUNT(DISTINCT account_ref) AS n FROM login_source_failures WHERE source_ref = ? AND failed_at BETWEEN ? AND ?',
        [ref, new Date(at.getTime() - windowMinutes * MS_PER_MINUTE), at],
      );
      return Number(rows[0]?.n ?? 0);
    };
    return {
      ipDistinctAccounts: await count(ipRef, policy.rules.credential_stuffing_ip.params.windowMinutes ?? 10),
      deviceDistinctAccounts: deviceRef === null ? 0 : await count(deviceRef, policy.rules.credential_stuffing_device.params.windowMinutes ?? 10),
    };
  }

  private async lockHistory(manager: EntityManager, userId: string): Promise<LoginHistory> {
    const row = await lockOrCreateRow<ProfileRow>(
      manager,
      ['SELECT history FROM login_profiles WHERE user_id = ? FOR UPDATE', [userId]],
      ['INSERT IGNORE INTO login_profiles (user_id, history, updated_at) VALUES (?, ?, UTC_TIMESTAMP(3))', [userId, JSON.stringify(EMPTY_HISTORY)]],
    );
    const text = row?.history;
    return text === undefined ? EMPTY_HISTORY : { ...EMPTY_HISTORY, ...(JSON.parse(text) as Partial<LoginHistory>) };
  }

  private async saveHistory(manager: EntityManager, userId: string, history: LoginHistory): Promise<void> {
    await manager.query('UPDATE login_profiles SET history = ?, updated_at = UTC_TIMESTAMP(3) WHERE user_id = ?', [JSON.stringify(history), userId]);
  }
}
