import { randomUUID } from 'node:crypto';

import { type EventEnvelope, Topics } from '@exam/contracts';
import { expectEventually, issueTestToken, type ProbedMessage } from '@exam/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import {
  type AuditBed,
  envelopeOf,
  loginAttempt,
  publish,
  startAuditBed,
  stopAuditBed,
} from './audit-fixtures';

/**
 * One sign-in that needed a code produces two login events: the password attempt (`step_up_required`) and, once
 * the code is right, a `success` with reason `step_up_passed`. The second must neither count as a second
 * occurrence of the alert nor send accounts another step-up (which would end the session just opened).
 */
describe('a passed step-up challenge is the same sign-in, not a second risky one', () => {
  let audit: AuditBed;
  let data: DataSource;
  let decisions: ProbedMessage[];
  const admin = issueTestToken({ roles: ['platform_admin'] });

  beforeAll(async () => {
    audit = await startAuditBed([Topics.LoginAttempted, Topics.LoginAssessed, Topics.AlertRaised]);
    data = audit.bed.dataSource;
    decisions = await audit.bed.collect(Topics.LoginAssessed);
    // A new device alone (20) reaches both the step-up and the alert score here.
    await request(audit.bed.url)
      .put('/api/audit/risk/thresholds')
      .set({ authorization: `Bearer ${admin}` })
      .send({ stepUpScore: 20, alertScore: 20 })
      .expect(200);
  });

  afterAll(async () => {
    await stopAuditBed(audit);
  });

  it('should raise one alert occurrence and one step-up decision for the challenged sign-in', async () => {
    const userId = randomUUID();
    const base = Date.now() - 10 * 60_000;
    const known = loginAttempt({ userId, deviceId: 'device-known', attemptedAt: new Date(base) });
    const challenged = loginAttempt({
      userId,
      deviceId: 'device-new',
      outcome: 'step_up_required',
      attemptedAt: new Date(base + 60_000),
    });
    const passed: EventEnvelope<'accounts.login.attempted'> = envelopeOf(Topics.LoginAttempted, userId, {
      ...loginAttempt({ userId, deviceId: 'device-new', attemptedAt: new Date(base + 90_000) }).payload,
      reason: 'step_up_passed',
    });
    await publish(audit, [known]);
    await publish(audit, [challenged]);
    await publish(audit, [passed]);

    const rows = await expectEventually(
      async () => {
        const found: {
          attempt_id: string;
          decision: string;
          alert_id: string | null;
          rules_fired: string;
        }[] = await data.query(
          'SELECT attempt_id, decision, alert_id, rules_fired FROM login_assessments WHERE user_id = ? ORDER BY attempted_at',
          [userId],
        );
        expect(found).toHaveLength(3);
        return found;
      },
      { timeoutMs: 30_000 },
    );
    expect(rows.map((r) => r.decision)).toEqual(['allow', 'step_up', 'allow']);
    expect(rows[1].alert_id).not.toBeNull();
    expect(rows[2].alert_id).toBeNull();
    // The signal stays on record for the passed attempt.
    expect(JSON.parse(rows[2].rules_fired)).toEqual(['new_device']);

    const alerts: { occurrences: number | string }[] = await data.query(
      "SELECT occurrences FROM security_alerts WHERE subject_ref = ? AND subject_kind = 'user'",
      [userId],
    );
    expect(alerts.map((a) => Number(a.occurrences))).toEqual([1]);

    await expectEventually(
      () => {
        const payloads = decisions.map(
          (m) => (JSON.parse(m.value ?? '{}') as { payload: { userId: string; attemptId: string } }).payload,
        );
        expect(payloads.filter((p) => p.userId === userId).map((p) => p.attemptId)).toEqual([
          challenged.payload.attemptId,
        ]);
        return Promise.resolve();
      },
      { timeoutMs: 15_000 },
    );
  });
});
