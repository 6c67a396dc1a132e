import { randomUUID } from 'node:crypto';

import { issueTestToken } from '@exam/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';

import { type AuditBed, startAuditBed, stopAuditBed } from './audit-fixtures';

interface AppealBody {
  id: string;
  attemptId: string;
  userId: string;
  statement: string;
  reviewAlertId: string;
  status: string;
  decisionReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  automatedDecision: string | null;
  score: number | null;
}

interface PageBody {
  items: AppealBody[];
  total: number;
}

describe('staff review of appeals against automated login decisions', () => {
  const analystId = randomUUID();
  const analyst = issueTestToken({ userId: analystId, roles: ['security_analyst'] });
  const admin = issueTestToken({ roles: ['platform_admin'] });
  const candidate = issueTestToken({ roles: ['candidate'] });
  const orgAdmin = issueTestToken({
    roles: ['candidate'],
    memberships: [{ institutionId: randomUUID(), roles: ['org_admin'] }],
  });
  let audit: AuditBed;
  let data: DataSource;
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  /**
   * A blocked sign-in of `userId` as the risk engine stores it (the engine's own scoring is covered by the
   * login-risk scenarios), then the user's appeal of it through the real route.
   */
  async function fileAppeal(
    userId: string,
    statement = 'It was me, signing in from a train.',
  ): Promise<string> {
    const attemptId = randomUUID();
    const now = new Date();
    await data.query(
      `INSERT INTO login_assessments (attempt_id, user_id, outcome, decision, score, severity, rules_fired,
         detections, ip_masked, attempted_at, assessed_at, alert_id)
       VALUES (?, ?, 'locked', 'block', 100, 'high', '["impossible_travel"]', '[]', '114.247.50.0/24', ?, ?, NULL)`,
      [attemptId, userId, now, now],
    );
    const filed = await request(audit.bed.url)
      .post('/api/audit/me/appeals')
      .set(as(issueTestToken({ userId, roles: ['candidate'] })))
      .send({ attemptId, statement })
      .expect(201);
    return (filed.body as { appealId: string }).appealId;
  }

  beforeAll(async () => {
    audit = await startAuditBed([]);
    data = audit.bed.dataSource;
  });

  afterAll(async () => {
    await stopAuditBed(audit);
  });

  it('should refuse the review routes to anyone but security staff', async () => {
    const appealId = await fileAppeal(randomUUID());
    const decision = { decision: 'upheld', reason: 'The travel was impossible.' };
    for (const token of [candidate, orgAdmin]) {
      await request(audit.bed.url).get('/api/audit/appeals').set(as(token)).expect(403);
      await request(audit.bed.url)
        .post(`/api/audit/appeals/${appealId}/decision`)
        .set(as(token))
        .send(decision)
        .expect(403);
    }
    await request(audit.bed.url).get('/api/audit/appeals').expect(401);
    await request(audit.bed.url)
      .get('/api/audit/appeals')
      .set(as(issueTestToken({ roles: ['security_analyst'], expiresInSeconds: -60 })))
      .expect(401);
    const after = await request(audit.bed.url)
      .get('/api/audit/appeals')
      .query({ userId: (await appealOf(appealId)).userId })
      .set(as(admin))
      .expect(200);
    expect((after.body as PageBody).items[0]).toMatchObject({
      id: appealId,
      status: 'open',
      decidedBy: null,
    });
  });

  async function appealOf(appealId: string): Promise<AppealBody> {
    const rows: { user_id: string }[] = await data.query('SELECT user_id FROM login_appeals WHERE id = ?', [
      appealId,
    ]);
    const listed = await request(audit.bed.url)
      .get('/api/audit/appeals')
      .query({ userId: rows[0]?.user_id })
      .set(as(analyst))
      .expect(200);
    const found = (listed.body as PageBody).items.find((a) => a.id === appealId);
    if (found === undefined) throw new Error(`appeal ${appealId} is not listed`);
    return found;
  }

  it('should list open appeals first, with the automated decision, and filter by status and account', async () => {
    const userId = randomUUID();
    const first = await fileAppeal(userId, 'First: I was on a plane, honestly.');
    const second = await fileAppeal(userId, 'Second: my VPN exit was in Guangzhou.');
    await request(audit.bed.url)
      .post(`/api/audit/appeals/${first}/decision`)
      .set(as(admin))
      .send({ decision: 'overturned', reason: 'The user was on a flight we can confirm.' })
      .expect(200);

    const mine = await request(audit.bed.url)
      .get('/api/audit/appeals')
      .query({ userId })
      .set(as(analyst))
      .expect(200);
    const page = mine.body as PageBody;
    expect(page.total).toBe(2);
    expect(page.items.map((a) => [a.id, a.status])).toEqual([
      [second, 'open'],
      [first, 'overturned'],
    ]);
    expect(page.items[0]).toMatchObject({
      automatedDecision: 'block',
      score: 100,
      statement: 'Second: my VPN exit was in Guangzhou.',
    });

    const open = await request(audit.bed.url)
      .get('/api/audit/appeals')
      .query({ userId, status: 'open' })
      .set(as(analyst))
      .expect(200);
    expect((open.body as PageBody).items.map((a) => a.id)).toEqual([second]);
  });

  it('should refuse malformed filters and decisions with the failing field named', async () => {
    const appealId = await fileAppeal(randomUUID());
    const badList = await request(audit.bed.url)
      .get('/api/audit/appeals')
      .query({ status: 'pending', limit: 0 })
      .set(as(analyst))
      .expect(400);
    expect(badList.body).toMatchObject({ code: 'REQUEST.INVALID' });
    const fields = (badList.body as { details: { field: string }[] }).details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['status', 'limit']));

    for (const body of [
      { decision: 'maybe', reason: 'Not a decision the API knows.' },
      { decision: 'upheld', reason: 'short' },
      { decision: 'upheld' },
      { decision: 'upheld', reason: 'Enough words to pass the length.', extra: true },
    ]) {
      const refused = await request(audit.bed.url)
        .post(`/api/audit/appeals/${appealId}/decision`)
        .set(as(analyst))
        .send(body)
        .expect(400);
      expect(refused.body).toMatchObject({ code: 'REQUEST.INVALID' });
    }
    await request(audit.bed.url)
      .post('/api/audit/appeals/not-a-uuid/decision')
      .set(as(analyst))
      .send({ decision: 'upheld', reason: 'The travel was impossible.' })
      .expect(400);
    const missing = await request(audit.bed.url)
      .post(`/api/audit/appeals/${randomUUID()}/decision`)
      .set(as(analyst))
      .send({ decision: 'upheld', reason: 'The travel was impossible.' })
      .expect(404);
    expect(missing.body).toMatchObject({ code: 'APPEAL.NOT_FOUND' });
    expect((await appealOf(appealId)).status).toBe('open');
  });

  it('should refuse a reviewer their own appeal', async () => {
    const appealId = await fileAppeal(analystId);
    const refused = await request(audit.bed.url)
      .post(`/api/audit/appeals/${appealId}/decision`)
      .set(as(analyst))
      .send({ decision: 'overturned', reason: 'It was me, so I overturn it.' })
      .expect(403);
    expect(refused.body).toMatchObject({ code: 'APPEAL.OWN_APPEAL' });
    expect((await appealOf(appealId)).status).toBe('open');
  });

  it('should let one of two parallel decisions win, refuse the other with 409, and chain the winner once', async () => {
    const appealId = await fileAppeal(randomUUID());
    const [a, b] = await Promise.all([
      request(audit.bed.url)
        .post(`/api/audit/appeals/${appealId}/decision`)
        .set(as(analyst))
        .send({ decision: 'upheld', reason: 'Two countries within ten minutes.' }),
      request(audit.bed.url)
        .post(`/api/audit/appeals/${appealId}/decision`)
        .set(as(admin))
        .send({ decision: 'overturned', reason: 'The user explained the VPN.' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = (a.status === 200 ? a : b).body as AppealBody;
    const loser = (a.status === 200 ? b : a).body as { code: string };
    expect(loser.code).toBe('APPEAL.ALREADY_DECIDED');
    expect(await appealOf(appealId)).toMatchObject({
      status: winner.status,
      decisionReason: winner.decisionReason,
      decidedBy: winner.decidedBy,
    });
    expect(winner.decidedAt).not.toBeNull();

    const chained: { attributes: string; actor_id: string }[] = await data.query(
      "SELECT attributes, actor_id FROM audit_log_entries WHERE event_type = 'staff.decision_appeal.decided'",
    );
    const ofThis = chained.filter((e) => e.attributes.includes(appealId));
    expect(ofThis).toHaveLength(1);
    expect(ofThis[0].actor_id).toBe(winner.decidedBy);
    expect(JSON.parse(ofThis[0].attributes)).toMatchObject({ appealId, decision: winner.status });

    const late = await request(audit.bed.url)
      .post(`/api/audit/appeals/${appealId}/decision`)
      .set(as(admin))
      .send({ decision: 'upheld', reason: 'A later second opinion.' })
      .expect(409);
    expect(late.body).toMatchObject({ code: 'APPEAL.ALREADY_DECIDED' });
  });
});
