import { type EventEnvelope, STEP_UP_COMPLETION_REASONS, Topics } from '@exam/contracts';
import { maskIp } from '@exam/crypto/masking';
import { EventPublisher, type StagedEvent } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { type AlertCandidate, AlertRaiser, type AlertSubjectKind } from '../alerts/alert-raiser.service';
import { fingerprint } from '../audit-log/audit-record.mapper';
import { IP_GEOLOCATOR, type IpGeolocator } from './geo/ip-geolocator';
import { LoginAssessmentRepository, type NewAssessment } from './login-assessment.repository';
import { LoginHistoryRepository } from './login-history.repository';
import {
  assessLogin,
  type Assessment,
  EMPTY_HISTORY,
  type LoginFacts,
  type LoginHistory,
  nextHistory,
} from './risk-engine';
import type { RiskPolicy } from './risk-policy';
import { RiskPolicyRepository } from './risk-policy.repository';
import { SourceFailureRepository } from './source-failure.repository';
import { SourceFailureWindows } from './source-failure-windows';
import { SourcePseudonymizer } from './source-pseudonymizer';

type LoginEvent = EventEnvelope<'accounts.login.attempted'>;

const MS_PER_MINUTE = 60_000;

/** What an attempt says once located and pseudonymized: no database needed, so done before any lock. */
export interface PreparedLogin {
  readonly facts: LoginFacts;
  readonly institutionIds: readonly string[];
  readonly ipRef: string;
  readonly deviceRef: string | null;
}

interface Scored extends PreparedLogin {
  readonly assessment: Assessment;
}

/**
 * Scores login attempts against the users' histories and the failure windows of their IPs and
 * devices, then records the assessments, updates the histories, raises or updates alerts, and (for
 * attempts whose credentials were accepted) tells accounts the step-up and block decisions. All in
 * the events' transaction. A batch is scored in order with its state (histories, failure windows)
 * loaded once and carried in memory, so each event sees exactly what it would have seen in a
 * transaction of its own after the events before it; a batch of one is the per-event path.
 */
@Injectable()
export class LoginRiskService {
  constructor(
    @Inject(IP_GEOLOCATOR) private readonly geolocator: IpGeolocator,
    private readonly policies: RiskPolicyRepository,
    private readonly pseudonyms: SourcePseudonymizer,
    private readonly histories: LoginHistoryRepository,
    private readonly failures: SourceFailureRepository,
    private readonly assessments: LoginAssessmentRepository,
    private readonly alerts: AlertRaiser,
    private readonly events: EventPublisher,
  ) {}

  /** The CPU part (geolocation, keyed fingerprints): callers do it before they take the stream head lock. */
  prepare(events: readonly LoginEvent[]): PreparedLogin[] {
    return events.map((event) => this.factsOf(event));
  }

  /**
   * Needs a READ COMMITTED transaction: it locks the batch's sources (IPs, devices) and users before
   * reading their failure windows and histories, so concurrent batches that share a source or a user
   * apply in turn and each sees everything the previous one committed, while batches of other
   * partitions with nothing in common run in parallel.
   */
  async assessPrepared(
    manager: EntityManager,
    inputs: readonly PreparedLogin[],
    now: Date,
  ): Promise<Assessment[]> {
    if (inputs.length === 0) return [];
    const policy = await this.policies.current(manager, now);
    const windows = await this.loadWindows(manager, inputs, policy);
    const userIds = inputs.map((i) => i.facts.userId).filter((id): id is string => id !== null);
    const stored = await this.histories.lockMany(manager, userIds);
    const updated = new Map<string, LoginHistory>();

    const scored = inputs.map((input): Scored => {
      const { facts, ipRef, deviceRef } = input;
      if (facts.outcome === 'failure') {
        // Unknown accounts count individually: spraying random names is stuffing too.
        const accountRef = facts.userId ?? `unknown:${facts.attemptId}`;
        windows.record({ sourceRef: ipRef, accountRef, at: facts.at });
        if (deviceRef !== null) windows.record({ sourceRef: deviceRef, accountRef, at: facts.at });
      }
      const sources = {
        ipDistinctAccounts: windows.distinctAccounts(
          ipRef,
          facts.at,
          policy.rules.credential_stuffing_ip.params.windowMinutes ?? 10,
        ),
        deviceDistinctAccounts:
          deviceRef === null
            ? 0
            : windows.distinctAccounts(
                deviceRef,
                facts.at,
                policy.rules.credential_stuffing_device.params.windowMinutes ?? 10,
              ),
      };
      const userId = facts.userId;
      const history =
        userId === null ? EMPTY_HISTORY : (updated.get(userId) ?? stored.get(userId) ?? EMPTY_HISTORY);
      const assessment = assessLogin(facts, history, sources, policy);
      if (userId !== null) updated.set(userId, nextHistory(history, facts, policy));
      return { ...input, assessment };
    });

    await this.failures.insertFailures(manager, windows.takeAdded());
    await this.histories.saveMany(manager, updated);
    const alertIds = await this.raiseAlerts(manager, scored, policy, now);
    await this.saveAssessments(manager, scored, alertIds);
    await this.events.stageMany(
      manager,
      Topics.LoginAssessed,
      scored.flatMap((s) => this.decisionEvent(s)),
    );
    return scored.map((s) => s.assessment);
  }

  private factsOf(event: LoginEvent): PreparedLogin {
    const p = event.payload;
    const facts: LoginFacts = {
      attemptId: p.attemptId,
      userId: p.userId ?? null,
      outcome: p.outcome,
      at: new Date(p.attemptedAt),
      ipMasked: maskIp(p.ip),
      deviceRef: p.deviceId === undefined ? null : fingerprint(p.deviceId),
      location: this.geolocator.locate(p.ip),
      completesChallenge:
        p.outcome === 'success' && (STEP_UP_COMPLETION_REASONS as readonly string[]).includes(p.reason ?? ''),
    };
    return {
      facts,
      institutionIds: p.institutionIds ?? [],
      ipRef: this.pseudonyms.ref('ip', p.ip),
      deviceRef: p.deviceId === undefined ? null : this.pseudonyms.ref('device', p.deviceId),
    };
  }

  /** Every failure any event of the batch can count: its sources, from the earliest window start to the latest event. */
  private async loadWindows(
    manager: EntityManager,
    inputs: readonly PreparedLogin[],
    policy: RiskPolicy,
  ): Promise<SourceFailureWindows> {
    const times = inputs.map((i) => i.facts.at.getTime());
    const windowMinutes = Math.max(
      policy.rules.credential_stuffing_ip.params.windowMinutes ?? 10,
      policy.rules.credential_stuffing_device.params.windowMinutes ?? 10,
    );
    const refs = inputs.flatMap((i) => (i.deviceRef === null ? [i.ipRef] : [i.ipRef, i.deviceRef]));
    if (refs.length === 0) return SourceFailureWindows.of([]);
    // Locks first: batches that share a source apply in turn, each seeing what the previous committed.
    await this.failures.lockSources(manager, refs);
    const loaded = await this.failures.failuresBetween(
      manager,
      refs,
      new Date(Math.min(...times) - windowMinutes * MS_PER_MINUTE),
      new Date(Math.max(...times)),
    );
    return SourceFailureWindows.of(loaded);
  }

  /** One alert candidate per assessment that reaches the alert score; returns alert ids by attempt. */
  private async raiseAlerts(
    manager: EntityManager,
    scored: readonly Scored[],
    policy: RiskPolicy,
    now: Date,
  ): Promise<Map<string, string>> {
    const raising: { attemptId: string; candidate: AlertCandidate }[] = [];
    for (const s of scored) {
      if (!s.assessment.raisesAlert) continue;
      const subject = this.alertSubject(s);
      if (!subject) continue;
      raising.push({
        attemptId: s.facts.attemptId,
        candidate: {
          ...subject,
          userId: s.facts.userId,
          institutionIds: s.institutionIds,
          score: s.assessment.score,
          detections: s.assessment.detections,
          seenAt: s.facts.at,
          dedupMinutes: policy.thresholds.alertDedupMinutes,
        },
      });
    }
    const raised = await this.alerts.raiseMany(
      manager,
      raising.map((r) => r.candidate),
      now,
    );
    return new Map(raising.map((r, i) => [r.attemptId, raised[i]?.alertId ?? '']));
  }

  private alertSubject({
    assessment,
    facts,
    ipRef,
    deviceRef,
  }: Scored): { subjectKind: AlertSubjectKind; subjectRef: string } | null {
    const cause = AlertRaiser.causeOf(assessment.detections);
    // An attack across many accounts is one alert about its source, not one per victim.
    if (cause === 'credential_stuffing_ip') return { subjectKind: 'ip', subjectRef: ipRef };
    if (cause === 'credential_stuffing_device' && deviceRef !== null)
      return { subjectKind: 'device', subjectRef: deviceRef };
    return facts.userId === null ? null : { subjectKind: 'user', subjectRef: facts.userId };
  }

  private async saveAssessments(
    manager: EntityManager,
    scored: readonly Scored[],
    alertIds: ReadonlyMap<string, string>,
  ): Promise<void> {
    await this.assessments.insertMany(
      manager,
      scored.map(({ facts, assessment }): NewAssessment => ({
        attemptId: facts.attemptId,
        userId: facts.userId,
        outcome: facts.outcome,
        decision: assessment.decision,
        score: assessment.score,
        severity: assessment.severity,
        rulesFired: assessment.rulesFired,
        detections: assessment.detections,
        ipMasked: facts.ipMasked,
        attemptedAt: facts.at,
        alertId: alertIds.get(facts.attemptId) ?? null,
      })),
    );
  }

  /**
   * Only decisions accounts must act on (step-up, block) are published: an allow changes nothing
   * there, and publishing one per sign-in would cost an outbox row, a relay round and a consumer
   * transaction in accounts for every login. The allow is still recorded (assessment, chain entry).
   */
  private decisionEvent({ facts, assessment }: Scored): StagedEvent<'audit.login.assessed'>[] {
    if (assessment.decision === 'allow') return [];
    if (facts.userId === null || (facts.outcome !== 'success' && facts.outcome !== 'step_up_required'))
      return [];
    return [
      {
        subjectId: facts.userId,
        payload: {
          attemptId: facts.attemptId,
          userId: facts.userId,
          decision: assessment.decision,
          score: assessment.score,
          rulesFired: [...assessment.rulesFired],
        },
      },
    ];
  }
}
