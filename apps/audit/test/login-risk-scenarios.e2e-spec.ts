import { randomUUID } from 'node:crypto';

import { type EventEnvelope, type LoginOutcome, Topics } from '@exam/contracts';
import { expectEventually, issueTestToken, type ProbedMessage } from '@exam/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';

import {
  assessmentsOf,
  type AuditBed,
  loginAttempt,
  publish,
  rulesOf,
  startAuditBed,
  stopAuditBed,
} from './audit-fixtures';

const BEIJING_IP = '114.247.50.2';
const BEIJING_IP_2 = '123.125.71.38';
const GUANGZHOU_IP = '113.108.182.52';

interface AlertRow {
  id: string;
  subject_kind: string;
  user_id: string | null;
  severity: string;
  cause: string;
  rules_fired: string;
  occurrences: number;
  status: string;
  evidence: string;
}

describe('login risk scenarios (real Kafka, real MariaDB)', () => {
  let audit: AuditBed;
  let data: DataSource;
  let assessed: ProbedMessage[];
  const base = Date.now() - 60 * 60_000;

  function attempt(
    userId: string | undefined,
    outcome: LoginOutcome,
    ip: string,
    deviceId: string,
    minutes: number,
  ): EventEnvelope<'accounts.login.attempted'> {
    return loginAttempt({
      ...(userId === undefined ? {} : { userId }),
      outcome,
      ip,
      deviceId,
      attemptedAt: new Date(base + minutes * 60_000),
    });
  }

  async function alertsOfUser(userId: string): Promise<AlertRow[]> {
    return data.query('SELECT * FROM security_alerts WHERE user_id = ? ORDER BY created_at', [userId]);
  }

  beforeAll(async () => {
    audit = await startAuditBed([Topics.LoginAttempted, Topics.LoginAssessed, Topics.AlertRaised]);
    data = audit.bed.dataSource;
    assessed = await audit.bed.collect(Topics.LoginAssessed);
  });

  afterAll(async () => {
    await stopAuditBed(audit);
  });

  function decisionsPublishedFor(userId: string): string[] {
    return assessed
      .map((m) => JSON.parse(m.value ?? '{}') as EventEnvelope<'audit.login.assessed'>)
      .filter((e) => e.payload.userId === userId)
      .map((e) => e.payload.decision);
  }

  it("should raise nothing for a user's normal pattern and allow it", async () => {
    const userId = randomUUID();
    const events = [0, 60 * 8, 60 * 24, 60 * 32].map((m, i) =>
      attempt(userId, 'success', i % 2 === 0 ? BEIJING_IP : BEIJING_IP_2, 'laptop-1', m - 60 * 40),
    );
    await publish(audit, events);
    const rows = await assessmentsOf(data, events);
    expect(rows.map((r) => [r.decision, rulesOf(r)])).toEqual(events.map(() => ['allow', []]));
    expect(await alertsOfUser(userId)).toEqual([]);
  });

  it('should raise a low-severity new-device signal without an alert', async () => {
    const userId = randomUUID();
    const events = [
      attempt(userId, 'success', BEIJING_IP, 'laptop-1', 0),
      attempt(userId, 'success', BEIJING_IP, 'phone-2', 60),
    ];
    await publish(audit, events);
    const [, second] = await assessmentsOf(data, events);
    expect(second).toMatchObject({ decision: 'allow', severity: 'low', score: 20, alert_id: null });
    expect(rulesOf(second)).toEqual(['new_device']);
    expect(await alertsOfUser(userId)).toEqual([]);
  });

  it('should flag Beijing then Guangzhou ten minutes later as impossible travel, with an alert', async () => {
    const userId = randomUUID();
    const events = [
      attempt(userId, 'success', BEIJING_IP, 'laptop-1', 0),
      attempt(userId, 'success', GUANGZHOU_IP, 'laptop-1', 10),
    ];
    await publish(audit, events);
    const [first, second] = await assessmentsOf(data, events);
    expect(rulesOf(first)).toEqual([]);
    expect(rulesOf(second)).toEqual(['new_region', 'impossible_travel']);
    expect(second.decision).toBe('block');
    const detection = (
      JSON.parse(second.detections) as { rule: string; reason: string; evidence: Record<string, unknown> }[]
    ).find((d) => d.rule === 'impossible_travel');
    expect(detection?.evidence).toMatchObject({
      fromIp: '114.247.50.*',
      toIp: '113.108.182.*',
      fromRegion: '中国/北京/北京市',
      toRegion: '中国/广东省/广州市',
    });
    expect(detection?.reason).toMatch(/Impossible travel: \d+ km/);
    const alerts = await alertsOfUser(userId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      severity: 'high',
      cause: 'impossible_travel',
      status: 'new',
      occurrences: 1,
    });
    // Accounts hears the block; the allow before it (same key, so same partition, published first
    // if at all) asks nothing of accounts and is not published.
    await expectEventually(() => {
      expect(decisionsPublishedFor(userId)).toContain('block');
    });
    expect(decisionsPublishedFor(userId)).toEqual(['block']);
  });

  it('should flag 20 failures then a success as brute force, suppressing duplicates into one alert', async () => {
    const userId = randomUUID();
    const events = [
      attempt(userId, 'success', BEIJING_IP, 'laptop-1', -60 * 24),
      ...Array.from({ length: 20 }, (_, i) => attempt(userId, 'failure', BEIJING_IP, 'laptop-1', i * 0.2)),
      attempt(userId, 'success', BEIJING_IP, 'laptop-1', 5),
    ];
    await publish(audit, events);
    const rows = await assessmentsOf(data, events);
    const fired = rows.map((r) => rulesOf(r).join(','));
    expect(fired.slice(1, 10)).toEqual(Array(9).fill(''));
    expect(fired.slice(10)).toEqual(Array(12).fill('brute_force'));
    expect(rows.at(-1)).toMatchObject({ decision: 'step_up' });
    await expectEventually(() => {
      expect(decisionsPublishedFor(userId)).toEqual(['step_up']);
    });
    expect((JSON.parse(rows.at(-1)!.detections) as { reason: string }[])[0]?.reason).toContain(
      '20 failed sign-ins',
    );
    const alerts = await alertsOfUser(userId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ cause: 'brute_force', severity: 'high', occurrences: 12 });
  });

  it('should flag one IP failing on 50 accounts as credential stuffing in a single alert about the IP', async () => {
    const ip = '61.135.169.121';
    const events = Array.from({ length: 50 }, (_, i) =>
      attempt(i % 5 === 0 ? undefined : randomUUID(), 'failure', ip, `bot-${i}`, 30),
    );
    await publish(audit, events);
    const rows = await assessmentsOf(data, events);
    const stuffing = rows.filter((r) => rulesOf(r).includes('credential_stuffing_ip'));
    expect(stuffing).toHaveLength(31);
    expect(stuffing.every((r) => r.decision === 'block')).toBe(true);
    const alerts: AlertRow[] = await data.query(
      "SELECT * FROM security_alerts WHERE subject_kind = 'ip' AND cause = 'credential_stuffing_ip'",
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ severity: 'critical', occurrences: 31 });
    expect(alerts[0].evidence).toContain('61.135.169.*');
    expect(alerts[0].evidence).not.toContain(ip);
  });

  it('should delete login data past its retention and record that in the chain', async () => {
    const old = new Date(Date.now() - 200 * 86_400_000);
    const oldAttempt = randomUUID();
    const oldUser = randomUUID();
    await data.query(
      `INSERT INTO login_assessments (attempt_id, user_id, outcome, decision, score, rules_fired, detections, ip_masked, attempted_at, assessed_at)
       VALUES (?, ?, 'success', 'allow', 0, '[]', '[]', '1.2.3.*', ?, ?)`,
      [oldAttempt, oldUser, old, old],
    );
    await data.query('INSERT INTO login_profiles (user_id, history, updated_at) VALUES (?, ?, ?)', [
      oldUser,
      '{}',
      old,
    ]);
    const before: { n: string | number }[] = await data.query('SELECT COUNT(*) AS n FROM login_assessments');
    await request(audit.bed.url)
      .post('/api/audit/retention/run')
      .set('authorization', `Bearer ${issueTestToken({ roles: ['security_analyst'] })}`)
      .expect(403);
    const response = await request(audit.bed.url)
      .post('/api/audit/retention/run')
      .set('authorization', `Bearer ${issueTestToken({ roles: ['platform_admin'] })}`)
      .expect(200);
    expect(response.body).toMatchObject({ deleted: { login_assessments: 1, login_profiles: 1 } });
    const after: { n: string | number }[] = await data.query('SELECT COUNT(*) AS n FROM login_assessments');
    expect(Number(after[0]?.n)).toBe(Number(before[0]?.n) - 1);
    const entries: { attributes: string }[] = await data.query(
      "SELECT attributes FROM audit_log_entries WHERE event_type = 'audit.retention.applied'",
    );
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0].attributes)).toMatchObject({
      retentionDays: 180,
      deleted: { login_assessments: 1 },
    });
  });

  it('should ignore a replayed login event', async () => {
    const userId = randomUUID();
    const first = attempt(userId, 'success', BEIJING_IP, 'laptop-1', 0);
    const travel = attempt(userId, 'success', GUANGZHOU_IP, 'laptop-1', 10);
    await publish(audit, [first, travel, travel, travel]);
    await assessmentsOf(data, [first, travel]);
    const marker = attempt(userId, 'success', GUANGZHOU_IP, 'laptop-1', 20);
    await publish(audit, [marker]);
    await assessmentsOf(data, [marker]);
    const alerts = await alertsOfUser(userId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].occurrences).toBe(1);
    const chained: { n: string | number }[] = await data.query(
      'SELECT COUNT(*) AS n FROM audit_log_entries WHERE event_id = ?',
      [travel.id],
    );
    expect(Number(chained[0]?.n)).toBe(1);
  });
});
