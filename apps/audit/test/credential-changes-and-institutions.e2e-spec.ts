import { randomUUID } from 'node:crypto';

import { type EventEnvelope, type LoginOutcome, Topics } from '@exam/contracts';
import { expectEventually, issueTestToken } from '@exam/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { LoginRiskService } from '../src/login-risk/login-risk.service';
import {
  assessmentsOf,
  type AuditBed,
  envelopeOf,
  loginAttempt,
  publish,
  rulesOf,
  startAuditBed,
  stopAuditBed,
} from './audit-fixtures';

const BEIJING_IP = '114.247.50.2';
const GUANGZHOU_IP = '113.108.182.52';

interface AlertItem {
  id: string;
  userId: string | null;
  institutionId: string | null;
  institutionIds: string[];
  cause: string;
}

interface AttemptOptions {
  readonly userId?: string;
  readonly outcome?: LoginOutcome;
  readonly ip?: string;
  readonly deviceId?: string;
  readonly minutes: number;
  readonly institutionIds?: string[];
}

describe('credential changes and institutions on login alerts (real Kafka, real MariaDB)', () => {
  const analyst = { authorization: `Bearer ${issueTestToken({ roles: ['security_analyst'] })}` };
  let audit: AuditBed;
  let data: DataSource;
  const base = Date.now() - 6 * 60 * 60_000;
  const at = (minutes: number): string => new Date(base + minutes * 60_000).toISOString();

  function attempt(o: AttemptOptions): EventEnvelope<'accounts.login.attempted'> {
    return loginAttempt({
      ...(o.userId === undefined ? {} : { userId: o.userId }),
      ...(o.outcome === undefined ? {} : { outcome: o.outcome }),
      ip: o.ip ?? BEIJING_IP,
      deviceId: o.deviceId ?? 'laptop-1',
      attemptedAt: new Date(at(o.minutes)),
      ...(o.institutionIds === undefined ? {} : { institutionIds: o.institutionIds }),
    });
  }

  /** Waits until audit has applied the user's latest credential change to the login history. */
  async function historyKnowsChange(userId: string, changedAt: string): Promise<void> {
    await expectEventually(async () => {
      const rows: { history: string }[] = await data.query(
        'SELECT history FROM login_profiles WHERE user_id = ?',
        [userId],
      );
      const history = JSON.parse(rows[0]?.history ?? '{}') as { lastCredentialChangeAt?: string };
      expect(history.lastCredentialChangeAt).toBe(changedAt);
    });
  }

  beforeAll(async () => {
    audit = await startAuditBed([
      Topics.LoginAttempted,
      Topics.PasswordChanged,
      Topics.ContactChanged,
      Topics.LoginAssessed,
      Topics.AlertRaised,
    ]);
    data = audit.bed.dataSource;
  });

  afterAll(async () => {
    await stopAuditBed(audit);
  });

  it('should flag a sign-in from a new device right after a password change, chaining the change and the decision', async () => {
    const userId = randomUUID();
    const baseline = attempt({ userId, minutes: 0 });
    await publish(audit, [baseline]);
    await assessmentsOf(data, [baseline]);
    const change = envelopeOf(Topics.PasswordChanged, userId, {
      userId,
      method: 'reset_by_code',
      changedAt: at(30),
    });
    await publish(audit, [change]);
    await historyKnowsChange(userId, at(30));

    const known = attempt({ userId, minutes: 40 });
    const fresh = attempt({ userId, deviceId: 'phone-9', minutes: 60 });
    await publish(audit, [known, fresh]);
    const [knownRow, freshRow] = await assessmentsOf(data, [known, fresh]);
    expect(rulesOf(knownRow)).toEqual([]);
    expect(rulesOf(freshRow)).toEqual(['new_device', 'new_device_after_credential_change']);
    expect(freshRow.decision).toBe('step_up');
    const detection = (
      JSON.parse(freshRow.detections) as { rule: string; reason: string; evidence: Record<string, unknown> }[]
    ).find((d) => d.rule === 'new_device_after_credential_change');
    expect(detection?.reason).toBe('Sign-in from a new device 0.5 h after the password changed.');
    expect(detection?.evidence).toMatchObject({
      changedAt: at(30),
      change: 'password',
      hoursAfterChange: 0.5,
    });
    const alerts: { cause: string; severity: string }[] = await data.query(
      'SELECT cause, severity FROM security_alerts WHERE user_id = ?',
      [userId],
    );
    expect(alerts).toEqual([{ cause: 'new_device_after_credential_change', severity: 'high' }]);
    const chained: { n: string | number }[] = await data.query(
      "SELECT COUNT(*) AS n FROM audit_log_entries WHERE event_id = ? AND stream = 'accounts'",
      [change.id],
    );
    expect(Number(chained[0]?.n)).toBe(1);
    const decided: { attributes: string }[] = await data.query(
      'SELECT attributes FROM audit_log_entries WHERE event_id = ?',
      [fresh.id],
    );
    expect(JSON.parse(decided[0]?.attributes ?? '{}')).toMatchObject({
      outcome: 'success',
      decision: 'step_up',
      score: 70,
      rulesFired: ['new_device', 'new_device_after_credential_change'],
    });
  });

  it('should flag a new device after a phone change, but not once the window has passed', async () => {
    const userId = randomUUID();
    const baseline = attempt({ userId, minutes: 0 });
    await publish(audit, [baseline]);
    await assessmentsOf(data, [baseline]);
    const change = envelopeOf(Topics.ContactChanged, userId, {
      userId,
      kind: 'phone',
      maskedNewValue: '139****5678',
      changedAt: at(10),
    });
    await publish(audit, [change]);
    await historyKnowsChange(userId, at(10));

    const soon = attempt({ userId, deviceId: 'tablet-3', minutes: 70 });
    await publish(audit, [soon]);
    const [soonRow] = await assessmentsOf(data, [soon]);
    expect(rulesOf(soonRow)).toEqual(['new_device', 'new_device_after_credential_change']);
    expect((JSON.parse(soonRow.detections) as { reason: string }[])[1]?.reason).toContain(
      'after the phone number changed',
    );

    const late = attempt({ userId, deviceId: 'desktop-4', minutes: 10 + 73 * 60 });
    await publish(audit, [late]);
    const [lateRow] = await assessmentsOf(data, [late]);
    expect(rulesOf(lateRow)).toEqual(['new_device']);
  });

  it("should carry the user's institutions onto the alert, filter by institution and answer them", async () => {
    const userId = randomUUID();
    const [first, second, other] = [randomUUID(), randomUUID(), randomUUID()];
    const events = [
      attempt({ userId, minutes: 0, institutionIds: [first] }),
      attempt({ userId, ip: GUANGZHOU_IP, minutes: 10, institutionIds: [first, second] }),
      attempt({ userId, ip: BEIJING_IP, minutes: 20, institutionIds: [first, second] }),
    ];
    await publish(audit, events);
    const rows = await assessmentsOf(data, events);
    expect(rulesOf(rows[1])).toContain('impossible_travel');
    expect(rows[2]?.alert_id).toBe(rows[1]?.alert_id);

    const mine = await request(audit.bed.url)
      .get('/api/audit/alerts')
      .query({ institutionId: second })
      .set(analyst)
      .expect(200);
    const items = (mine.body as { items: AlertItem[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: rows[1]?.alert_id,
      userId,
      institutionId: first,
      institutionIds: [first, second],
      cause: 'impossible_travel',
    });
    const none = await request(audit.bed.url)
      .get('/api/audit/alerts')
      .query({ institutionId: other })
      .set(analyst)
      .expect(200);
    expect((none.body as { items: AlertItem[] }).items).toEqual([]);
    const detail = await request(audit.bed.url)
      .get(`/api/audit/alerts/${rows[1]?.alert_id}`)
      .set(analyst)
      .expect(200);
    expect((detail.body as AlertItem).institutionIds).toEqual([first, second]);
    const bad = await request(audit.bed.url)
      .get('/api/audit/alerts')
      .query({ institutionId: 'not-a-uuid' })
      .set(analyst)
      .expect(400);
    expect((bad.body as { details: { field: string }[] }).details.map((d) => d.field)).toEqual([
      'institutionId',
    ]);

    const entries: { institution_id: string | null; attributes: string }[] = await data.query(
      'SELECT institution_id, attributes FROM audit_log_entries WHERE event_id = ?',
      [events[1]?.id],
    );
    expect(entries[0]?.institution_id).toBe(first);
    expect(JSON.parse(entries[0]?.attributes ?? '{}')).toMatchObject({ institutionIds: [first, second] });
  });

  it('should reject a login event whose institutions are not UUIDs into the dead-letter topic', async () => {
    const dlq = await audit.bed.collect(Topics.LoginAttempted, { deadLetter: true });
    const bad = attempt({ userId: randomUUID(), minutes: 0, institutionIds: ['school-1'] });
    await publish(audit, [bad]);
    await expectEventually(() => {
      expect(dlq.map((m) => m.value ?? '').some((v) => v.includes(bad.payload.attemptId))).toBe(true);
    });
    const rows: unknown[] = await data.query(
      'SELECT attempt_id FROM login_assessments WHERE attempt_id = ?',
      [bad.payload.attemptId],
    );
    expect(rows).toEqual([]);
  });

  it('should give the same detections for a sequence scored as one batch as for one event per transaction', async () => {
    const sut = audit.bed.service.app.get(LoginRiskService);
    // Fresh users, IP and devices per run, so the two runs cannot see each other's failures.
    const sequence = (run: number): EventEnvelope<'accounts.login.attempted'>[] => {
      const traveller = randomUUID();
      const victim = randomUUID();
      const ip = `61.135.169.${20 + run}`;
      return [
        attempt({ userId: traveller, minutes: 0 }),
        attempt({ userId: traveller, ip: GUANGZHOU_IP, minutes: 10 }),
        attempt({ userId: traveller, ip: GUANGZHOU_IP, deviceId: 'phone-2', minutes: 15 }),
        attempt({ userId: victim, deviceId: `victim-${run}`, minutes: 0 }),
        ...Array.from({ length: 12 }, (_, i) =>
          attempt({ userId: victim, outcome: 'failure', deviceId: `victim-${run}`, minutes: 1 + i * 0.5 }),
        ),
        attempt({ userId: victim, deviceId: `victim-${run}`, minutes: 8 }),
        ...Array.from({ length: 25 }, (_, i) =>
          attempt({
            userId: i % 4 === 0 ? undefined : randomUUID(),
            outcome: 'failure',
            ip,
            deviceId: `bot-${run}-${i}`,
            minutes: 30,
          }),
        ),
      ];
    };
    const batched = await data.transaction((manager) =>
      sut.assessPrepared(manager, sut.prepare(sequence(1)), new Date()),
    );
    const oneByOne = [];
    for (const event of sequence(2))
      oneByOne.push(
        ...(await data.transaction((manager) =>
          sut.assessPrepared(manager, sut.prepare([event]), new Date()),
        )),
      );
    const summary = (
      list: readonly { rulesFired: readonly string[]; decision: string; score: number }[],
    ): string[] => list.map((a) => `${a.rulesFired.join('+')}|${a.decision}|${a.score}`);
    expect(summary(batched)).toEqual(summary(oneByOne));
    expect(batched.filter((a) => a.rulesFired.includes('credential_stuffing_ip'))).toHaveLength(6);
    expect(batched.filter((a) => a.rulesFired.includes('brute_force'))).toHaveLength(4);
  });
});
