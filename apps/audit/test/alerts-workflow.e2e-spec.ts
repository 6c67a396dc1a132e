import { randomUUID } from 'node:crypto';

import { type EventEnvelope, type LoginOutcome, Topics } from '@exam/contracts';
import { expectEventually, issueTestToken, type ProbedMessage } from '@exam/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { type AuditBed, loginAttempt, publish, startAuditBed, stopAuditBed } from './audit-fixtures';

interface AlertBody {
  id: string;
  severity: string;
  status: string;
  userId: string | null;
  cause: string;
  rulesFired: string[];
  assigneeId: string | null;
  resolution: string | null;
  slaDueAt: string;
  slaBreached: boolean;
  slaRemainingSeconds: number | null;
  evidence?: { rule: string; reason: string; evidence: Record<string, unknown> }[];
  comments?: { body: string; authorId: string }[];
}

describe('security staff alert workflow', () => {
  const analystId = randomUUID();
  const analyst = issueTestToken({ userId: analystId, roles: ['security_analyst'] });
  const admin = issueTestToken({ roles: ['platform_admin'] });
  let audit: AuditBed;
  let data: DataSource;
  let actions: ProbedMessage[];
  const travellers = [randomUUID(), randomUUID()];
  const forcer = randomUUID();
  const base = Date.now() - 30 * 60_000;

  function attempt(
    userId: string,
    outcome: LoginOutcome,
    ip: string,
    minutes: number,
  ): EventEnvelope<'accounts.login.attempted'> {
    return loginAttempt({
      userId,
      outcome,
      ip,
      userAgent: 'Mozilla/5.0',
      deviceId: `device-${userId}`,
      attemptedAt: new Date(base + minutes * 60_000),
    });
  }

  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  async function alertOf(userId: string): Promise<AlertBody> {
    const response = await request(audit.bed.url)
      .get('/api/audit/alerts')
      .query({ userId })
      .set(as(analyst))
      .expect(200);
    const items = (response.body as { items: AlertBody[] }).items;
    expect(items).toHaveLength(1);
    return items[0];
  }

  beforeAll(async () => {
    audit = await startAuditBed([
      Topics.LoginAttempted,
      Topics.AccountActionRequested,
      Topics.AlertRaised,
      Topics.LoginAssessed,
      Topics.IncidentNotificationRequested,
    ]);
    data = audit.bed.dataSource;
    actions = await audit.bed.collect(Topics.AccountActionRequested);
    const events = [
      ...travellers.flatMap((u) => [
        attempt(u, 'success', '114.247.50.2', 0),
        attempt(u, 'success', '113.108.182.52', 10),
      ]),
      ...Array.from({ length: 12 }, (_, i) => attempt(forcer, 'failure', '14.215.177.38', 1 + i * 0.1)),
    ];
    await publish(audit, events);
    await expectEventually(
      async () => {
        const rows: { n: string | number }[] = await data.query('SELECT COUNT(*) AS n FROM security_alerts');
        expect(Number(rows[0]?.n)).toBe(3);
      },
      { timeoutMs: 60_000 },
    );
  });

  afterAll(async () => {
    await stopAuditBed(audit);
  });

  it('should refuse every staff route to anyone but security staff', async () => {
    const alertId = (await alertOf(travellers[0])).id;
    const candidate = issueTestToken({ roles: ['candidate'] });
    const orgAdmin = issueTestToken({
      roles: ['candidate'],
      memberships: [{ institutionId: randomUUID(), roles: ['org_admin'] }],
    });
    const routes: [string, string, object?][] = [
      ['get', '/api/audit/alerts'],
      ['get', `/api/audit/alerts/${alertId}`],
      ['post', '/api/audit/alerts/acknowledge', { alertIds: [alertId] }],
      ['post', `/api/audit/alerts/${alertId}/assign`, { assigneeId: randomUUID() }],
      ['post', `/api/audit/alerts/${alertId}/comments`, { body: 'x' }],
      ['post', `/api/audit/alerts/${alertId}/resolve`, { resolution: 'false_positive', note: 'nope' }],
      [
        'post',
        `/api/audit/accounts/${travellers[0]}/actions`,
        { action: 'lock', reason: 'other', note: 'test' },
      ],
      ['get', '/api/audit/risk/rules'],
      ['get', '/api/audit/chain/verify'],
      ['get', '/api/audit/log'],
      ['get', '/api/audit/log/export'],
    ];
    for (const [method, path, body] of routes) {
      const call = (): request.Test =>
        method === 'get' ? request(audit.bed.url).get(path) : request(audit.bed.url).post(path).send(body);
      await call().expect(401);
      await call().set(as(candidate)).expect(403);
      await call().set(as(orgAdmin)).expect(403);
      await call()
        .set(as(issueTestToken({ roles: ['security_analyst'], expiresInSeconds: -60 })))
        .expect(401);
    }
    await request(audit.bed.url)
      .put('/api/audit/risk/rules/new_device')
      .set(as(analyst))
      .send({ weight: 10 })
      .expect(403);
    expect((await alertOf(travellers[0])).status).toBe('new');
  });

  it('should list alerts with filters and sorting, with an SLA clock', async () => {
    const response = await request(audit.bed.url)
      .get('/api/audit/alerts')
      .query({ status: 'new', rule: 'impossible_travel', sort: 'createdAt', order: 'asc' })
      .set(as(analyst))
      .expect(200);
    const page = response.body as { items: AlertBody[]; total: number };
    expect(page.total).toBe(2);
    expect(page.items.map((a) => a.userId).sort()).toEqual([...travellers].sort());
    expect(page.items[0]).toMatchObject({ severity: 'high', cause: 'impossible_travel', slaBreached: false });
    expect(page.items[0].slaRemainingSeconds).toBeGreaterThan(3000);
    const bySeverity = await request(audit.bed.url)
      .get('/api/audit/alerts')
      .query({ sort: 'severity', severity: 'high,critical' })
      .set(as(analyst))
      .expect(200);
    expect((bySeverity.body as { total: number }).total).toBe(3);
  });

  it('should reject malformed filters and bodies naming the field', async () => {
    const bad = await request(audit.bed.url)
      .get('/api/audit/alerts')
      .query({ status: 'bogus', limit: '0' })
      .set(as(analyst))
      .expect(400);
    const fields = (bad.body as { details: { field: string }[] }).details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['status', 'limit']));
    const ack = await request(audit.bed.url)
      .post('/api/audit/alerts/acknowledge')
      .set(as(analyst))
      .send({ alertIds: ['x'] })
      .expect(400);
    expect((ack.body as { details: { field: string }[] }).details[0]?.field).toBe('alertIds');
    await request(audit.bed.url).get('/api/audit/alerts/not-a-uuid').set(as(analyst)).expect(400);
    await request(audit.bed.url).get(`/api/audit/alerts/${randomUUID()}`).set(as(analyst)).expect(404);
  });

  it('should show detail with evidence whose IPs are masked to /24', async () => {
    const alert = await alertOf(travellers[0]);
    const response = await request(audit.bed.url)
      .get(`/api/audit/alerts/${alert.id}`)
      .set(as(analyst))
      .expect(200);
    const detail = response.body as AlertBody;
    expect(detail.evidence?.find((e) => e.rule === 'impossible_travel')?.evidence).toMatchObject({
      fromIp: '114.247.50.*',
      toIp: '113.108.182.*',
    });
    expect(JSON.stringify(response.body)).not.toMatch(/114\.247\.50\.2|113\.108\.182\.52/);
  });

  it('should bulk-acknowledge new alerts and report the rest as skipped', async () => {
    const ids = [(await alertOf(travellers[0])).id, (await alertOf(travellers[1])).id];
    const unknown = randomUUID();
    const response = await request(audit.bed.url)
      .post('/api/audit/alerts/acknowledge')
      .set(as(analyst))
      .send({ alertIds: [...ids, unknown] })
      .expect(200);
    expect(response.body).toEqual({ acknowledged: [...ids].sort(), skipped: [unknown] });
    const again = await request(audit.bed.url)
      .post('/api/audit/alerts/acknowledge')
      .set(as(analyst))
      .send({ alertIds: ids })
      .expect(200);
    expect((again.body as { acknowledged: string[] }).acknowledged).toEqual([]);
    expect((await alertOf(travellers[0])).slaRemainingSeconds).toBeNull();
  });

  it('should assign, comment, investigate and resolve, refusing to reopen a resolved alert', async () => {
    const alert = await alertOf(forcer);
    const assignee = randomUUID();
    await request(audit.bed.url)
      .post(`/api/audit/alerts/${alert.id}/assign`)
      .set(as(analyst))
      .send({ assigneeId: assignee })
      .expect(200);
    await request(audit.bed.url)
      .post(`/api/audit/alerts/${alert.id}/comments`)
      .set(as(analyst))
      .send({ body: '用户确认是本人忘记密码' })
      .expect(201);
    await request(audit.bed.url)
      .post(`/api/audit/alerts/${alert.id}/investigate`)
      .set(as(analyst))
      .expect(200);
    const resolved = await request(audit.bed.url)
      .post(`/api/audit/alerts/${alert.id}/resolve`)
      .set(as(admin))
      .send({ resolution: 'false_positive', note: 'User forgot the password; confirmed by phone.' })
      .expect(200);
    expect(resolved.body).toMatchObject({
      status: 'resolved_false_positive',
      resolution: 'false_positive',
      assigneeId: assignee,
    });
    const detail = await request(audit.bed.url)
      .get(`/api/audit/alerts/${alert.id}`)
      .set(as(analyst))
      .expect(200);
    expect((detail.body as AlertBody).comments).toEqual([
      expect.objectContaining({ body: '用户确认是本人忘记密码', authorId: analystId }),
    ]);
    const conflict = await request(audit.bed.url)
      .post(`/api/audit/alerts/${alert.id}/investigate`)
      .set(as(analyst))
      .expect(409);
    expect((conflict.body as { code: string }).code).toBe('ALERT.INVALID_TRANSITION');
    const staffEntries: { event_type: string; actor_id: string; attributes: string }[] = await data.query(
      "SELECT event_type, actor_id, attributes FROM audit_log_entries WHERE stream = 'staff' AND JSON_VALUE(attributes, '$.alertId') = ? ORDER BY seq",
      [alert.id],
    );
    expect(staffEntries.map((e) => e.event_type)).toEqual([
      'staff.alert.assigned',
      'staff.alert.commented',
      'staff.alert.investigating',
      'staff.alert.resolved',
    ]);
    expect(staffEntries.map((e) => e.attributes).join()).not.toContain('忘记密码');
  });

  it('should open a fresh alert for a new detection after the old one was resolved', async () => {
    await publish(
      audit,
      Array.from({ length: 2 }, (_, i) => attempt(forcer, 'failure', '14.215.177.38', 3 + i * 0.1)),
    );
    await expectEventually(async () => {
      const rows: { status: string }[] = await data.query(
        'SELECT status FROM security_alerts WHERE user_id = ? ORDER BY created_at',
        [forcer],
      );
      expect(rows.map((r) => r.status)).toEqual(['resolved_false_positive', 'new']);
    });
  });

  it('should send an account action to accounts and chain it with the staff member and reason', async () => {
    const userId = travellers[0];
    const alertId = (await alertOf(userId)).id;
    const response = await request(audit.bed.url)
      .post(`/api/audit/accounts/${userId}/actions`)
      .set(as(analyst))
      .send({
        action: 'lock',
        reason: 'suspected_takeover',
        note: 'Impossible travel Beijing → Guangzhou',
        alertId,
      })
      .expect(202);
    const actionId = (response.body as { actionId: string }).actionId;
    const event = await expectEventually(() => {
      const found = actions
        .map((m) => JSON.parse(m.value ?? '{}') as EventEnvelope<'audit.account_action.requested'>)
        .find((e) => e.payload.actionId === actionId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(event.payload).toEqual({
      actionId,
      userId,
      action: 'lock',
      reason: 'suspected_takeover',
      requestedBy: analystId,
      alertId,
    });
    const entries: { actor_id: string; subject_user_id: string; attributes: string }[] = await data.query(
      "SELECT actor_id, subject_user_id, attributes FROM audit_log_entries WHERE event_type = 'staff.account.lock_requested'",
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor_id: analystId, subject_user_id: userId });
    expect(JSON.parse(entries[0].attributes)).toMatchObject({
      action: 'lock',
      reason: 'suspected_takeover',
      actionId,
    });
    await request(audit.bed.url)
      .post(`/api/audit/accounts/${userId}/actions`)
      .set(as(analyst))
      .send({ action: 'explode', reason: 'other', note: 'x' })
      .expect(400);
    const verify = await request(audit.bed.url).get('/api/audit/chain/verify').set(as(analyst)).expect(200);
    expect(verify.body).toMatchObject({ ok: true });
  });

  it('should search the log by user, event type, time range and IP, masked, with paging and CSV export', async () => {
    const userId = travellers[1];
    const byUser = await request(audit.bed.url)
      .get('/api/audit/log')
      .query({ userId, eventType: 'accounts.login.attempted' })
      .set(as(analyst))
      .expect(200);
    const items = (
      byUser.body as {
        items: { userId: string; ip: string; eventType: string; attributes: Record<string, unknown> }[];
      }
    ).items;
    expect(items.map((i) => i.ip)).toEqual(['113.108.182.*', '114.247.50.*']);
    expect(JSON.stringify(byUser.body)).not.toMatch(/114\.247\.50\.2\b|device-/);
    const byIp = await request(audit.bed.url)
      .get('/api/audit/log')
      .query({
        ip: '14.215.177.38',
        from: new Date(base).toISOString(),
        to: new Date(Date.now() + 60_000).toISOString(),
        limit: 5,
      })
      .set(as(analyst))
      .expect(200);
    const first = byIp.body as { items: { userId: string }[]; next: string };
    expect(first.items).toHaveLength(5);
    expect(new Set(first.items.map((i) => i.userId))).toEqual(new Set([forcer]));
    const second = await request(audit.bed.url)
      .get('/api/audit/log')
      .query({ ip: '14.215.177.*', limit: 100, cursor: first.next })
      .set(as(analyst))
      .expect(200);
    expect((second.body as { items: unknown[] }).items).toHaveLength(14 - 5);
    await request(audit.bed.url)
      .get('/api/audit/log')
      .query({ ip: 'localhost' })
      .set(as(analyst))
      .expect(400);
    const csv = await request(audit.bed.url)
      .get('/api/audit/log/export')
      .query({ userId })
      .set(as(analyst))
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\n');
    expect(lines[0]).toBe(
      'occurredAt,eventType,producer,userId,actorId,institutionId,ip,traceId,stream,seq,hash,attributes',
    );
    expect(lines.length).toBeGreaterThanOrEqual(3);
  });

  it('should let platform admins tune a rule at run time and chain the change', async () => {
    const response = await request(audit.bed.url)
      .put('/api/audit/risk/rules/new_device')
      .set(as(admin))
      .send({ weight: 45, params: {} })
      .expect(200);
    expect((response.body as { rules: { new_device: { weight: number } } }).rules.new_device.weight).toBe(45);
    await request(audit.bed.url)
      .put('/api/audit/risk/rules/no_such_rule')
      .set(as(admin))
      .send({ weight: 1 })
      .expect(404);
    await request(audit.bed.url)
      .put('/api/audit/risk/thresholds')
      .set(as(admin))
      .send({ stepUpScore: 900, blockScore: 100 })
      .expect(400);
    const nulled = await request(audit.bed.url)
      .put('/api/audit/risk/thresholds')
      .set(as(admin))
      .send({ stepUpScore: null })
      .expect(400);
    expect(nulled.body).toMatchObject({ code: 'REQUEST.INVALID' });
    const entries: unknown[] = await data.query(
      "SELECT seq FROM audit_log_entries WHERE event_type = 'staff.risk_rule.changed'",
    );
    expect(entries).toHaveLength(1);
  });

  it('should explain automated decisions to the user and put their appeal in the staff queue', async () => {
    const userId = travellers[1];
    const user = issueTestToken({ userId, roles: ['candidate'] });
    const response = await request(audit.bed.url)
      .get('/api/audit/me/login-decisions')
      .set(as(user))
      .expect(200);
    const decisions = response.body as {
      attemptId: string;
      decision: string;
      reasons: { rule: string; reason: string }[];
      ip: string;
    }[];
    expect(decisions.map((d) => d.decision)).toEqual(['block', 'allow']);
    expect(decisions[0].reasons.map((r) => r.rule)).toEqual(['new_region', 'impossible_travel']);
    expect(decisions[0].reasons[1].reason).toMatch(/^Impossible travel/);
    const [blocked, allowed] = decisions;
    const someoneElse = issueTestToken({ roles: ['candidate'] });
    await request(audit.bed.url)
      .post('/api/audit/me/appeals')
      .set(as(someoneElse))
      .send({ attemptId: blocked.attemptId, statement: 'I was on a plane, honestly.' })
      .expect(404);
    await request(audit.bed.url)
      .post('/api/audit/me/appeals')
      .set(as(user))
      .send({ attemptId: allowed.attemptId, statement: 'Nothing to appeal here at all.' })
      .expect(422);
    await request(audit.bed.url)
      .post('/api/audit/me/appeals')
      .set(as(user))
      .send({ attemptId: blocked.attemptId, statement: 'short' })
      .expect(400);
    const filed = await request(audit.bed.url)
      .post('/api/audit/me/appeals')
      .set(as(user))
      .send({ attemptId: blocked.attemptId, statement: 'I used a VPN exit in Guangzhou while in Beijing.' })
      .expect(201);
    const reviewAlertId = (filed.body as { reviewAlertId: string }).reviewAlertId;
    await request(audit.bed.url)
      .post('/api/audit/me/appeals')
      .set(as(user))
      .send({ attemptId: blocked.attemptId, statement: 'I used a VPN exit in Guangzhou.' })
      .expect(409);
    const queue = await request(audit.bed.url)
      .get('/api/audit/alerts')
      .query({ userId, status: 'new' })
      .set(as(analyst))
      .expect(200);
    expect((queue.body as { items: AlertBody[] }).items).toEqual([
      expect.objectContaining({ id: reviewAlertId, cause: 'appeal', severity: 'medium' }),
    ]);
    await request(audit.bed.url).get('/api/audit/me/login-decisions').expect(401);
  });

  it('should record an incident, notify affected users through an event and keep the regulator report', async () => {
    const incidents = await audit.bed.collect(Topics.IncidentNotificationRequested);
    const body = {
      title: 'Exported results file shared by mistake',
      description: 'A results export was sent to the wrong institution; it may expose names and scores.',
      cause: 'An org admin picked the wrong recipient.',
      occurredAt: '2026-11-20T02:00:00.000Z',
      discoveredAt: '2026-11-20T05:00:00.000Z',
      dataCategories: ['name', 'exam_results'],
      affectedUsers: 2,
      measures: 'The recipient deleted the file and confirmed in writing.',
      userGuidance: 'No action is needed; beware of calls claiming to be from us.',
    };
    await request(audit.bed.url)
      .post('/api/audit/incidents')
      .set(as(issueTestToken({ roles: ['candidate'] })))
      .send(body)
      .expect(403);
    const bad = await request(audit.bed.url)
      .post('/api/audit/incidents')
      .set(as(analyst))
      .send({ ...body, dataCategories: ['dna'], discoveredAt: 'yesterday' })
      .expect(400);
    expect((bad.body as { details: { field: string }[] }).details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['dataCategories', 'discoveredAt']),
    );
    const created = await request(audit.bed.url)
      .post('/api/audit/incidents')
      .set(as(analyst))
      .send(body)
      .expect(201);
    const incidentId = (created.body as { id: string }).id;
    await request(audit.bed.url)
      .post(`/api/audit/incidents/${incidentId}/notifications`)
      .set(as(analyst))
      .send({ userIds: travellers })
      .expect(202);
    const event = await expectEventually(() => {
      const found = incidents
        .map((m) => JSON.parse(m.value ?? '{}') as EventEnvelope<'audit.incident.notification_requested'>)
        .find((e) => e.payload.incidentId === incidentId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(event.payload).toMatchObject({
      userIds: travellers,
      cause: body.cause,
      measures: body.measures,
      userGuidance: body.userGuidance,
    });
    const report = await request(audit.bed.url)
      .get(`/api/audit/incidents/${incidentId}/regulator-report`)
      .set(as(analyst))
      .expect(200);
    expect(report.body).toMatchObject({
      personalDataCategories: ['name', 'exam_results'],
      affectedUsers: 2,
      usersNotified: 2,
      remedialMeasures: body.measures,
    });
    const chained: unknown[] = await data.query(
      "SELECT seq FROM audit_log_entries WHERE event_type IN ('staff.incident.recorded', 'staff.incident.users_notified')",
    );
    expect(chained).toHaveLength(2);
  });
});
