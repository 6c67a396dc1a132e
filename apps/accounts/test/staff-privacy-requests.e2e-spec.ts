import { randomUUID } from 'node:crypto';

import { issueTestToken } from '@exam/testing';
import request from 'supertest';

import { type AccountsHarness, startAccounts } from './accounts-harness';
import { login, registerActive } from './factories';

interface StaffRequestBody {
  id: string;
  userId: string;
  kind: string;
  status: string;
  requestedAt: string;
  deadlineAt: string;
  completedAt: string | null;
  overdue: boolean;
  completedLate: boolean;
  secondsLeft: number | null;
}

interface PageBody {
  items: StaffRequestBody[];
  total: number;
}

const DAY = 86_400_000;

describe('accounts: the staff queue of privacy requests', () => {
  let harness: AccountsHarness;
  let url: string;
  const admin = issueTestToken({ roles: ['platform_admin'] });
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    harness = await startAccounts();
    url = harness.service.url;
  }, 120_000);

  afterAll(async () => {
    await harness.close();
  });

  /**
   * A request this service has not completed. Export and erasure are both completed at once by the real routes,
   * so an open (or overdue) one can only be a row written here: it stands for a failure the queue must show first.
   */
  async function openRequest(userId: string, requestedAt: Date): Promise<string> {
    const id = randomUUID();
    await harness.data.query(
      `INSERT INTO privacy_requests (id, user_id, kind, requested_at, deadline_at, completed_at)
       VALUES (?, ?, 'erasure', ?, ?, NULL)`,
      [id, userId, requestedAt, new Date(requestedAt.getTime() + 15 * DAY)],
    );
    return id;
  }

  async function queue(query: Record<string, string>, token = admin): Promise<PageBody> {
    const response = await request(url)
      .get('/api/accounts/privacy-requests')
      .query(query)
      .set(as(token))
      .expect(200);
    return response.body as PageBody;
  }

  it('should list what data subjects asked for, with the statutory deadline, and no personal value', async () => {
    const person = await registerActive(url, 'email');
    const session = await login(url, person);
    await request(url).get('/api/accounts/me/data-export').set(as(session.accessToken)).expect(200);

    const page = await queue({ userId: person.userId });
    expect(page.total).toBe(1);
    const [exported] = page.items;
    expect(exported).toMatchObject({
      userId: person.userId,
      kind: 'export',
      status: 'completed',
      overdue: false,
    });
    expect(Date.parse(exported.deadlineAt) - Date.parse(exported.requestedAt)).toBe(15 * DAY);
    expect(JSON.stringify(page)).not.toContain(person.login);

    await request(url)
      .post('/api/accounts/me/erasure')
      .set(as(session.accessToken))
      .send({ currentPassword: person.password })
      .expect(200);
    const after = await queue({ userId: person.userId, kind: 'erasure' });
    expect(after.items.map((r) => [r.kind, r.status, r.completedLate])).toEqual([
      ['erasure', 'completed', false],
    ]);
  });

  it('should put overdue requests first, then open ones by deadline, then completed ones', async () => {
    const userId = randomUUID();
    const now = Date.now();
    const dueSoon = await openRequest(userId, new Date(now - 14 * DAY));
    const overdue = await openRequest(userId, new Date(now - 16 * DAY));
    const dueLater = await openRequest(userId, new Date(now - DAY));
    await harness.data.query(
      `INSERT INTO privacy_requests (id, user_id, kind, requested_at, deadline_at, completed_at)
       VALUES (?, ?, 'export', ?, ?, ?)`,
      [randomUUID(), userId, new Date(now - 40 * DAY), new Date(now - 25 * DAY), new Date(now - 20 * DAY)],
    );

    const page = await queue({ userId });
    expect(page.items.map((r) => [r.id, r.status, r.overdue])).toEqual([
      [overdue, 'open', true],
      [dueSoon, 'open', false],
      [dueLater, 'open', false],
      [expect.any(String), 'completed', false],
    ]);
    expect(page.items[0].secondsLeft).toBeLessThan(0);
    expect(page.items[1].secondsLeft).toBeGreaterThan(0);
    expect(page.items[3].completedLate).toBe(true);

    expect((await queue({ userId, overdue: 'true' })).items.map((r) => r.id)).toEqual([overdue]);
    expect((await queue({ userId, status: 'open', overdue: 'false' })).items.map((r) => r.id)).toEqual([
      dueSoon,
      dueLater,
    ]);
    expect((await queue({ userId, status: 'completed' })).total).toBe(1);
    const paged = await queue({ userId, limit: '2', offset: '1' });
    expect(paged.items.map((r) => r.id)).toEqual([dueSoon, dueLater]);
    expect(paged.total).toBe(4);
  });

  it('should refuse the queue to anyone but platform admins', async () => {
    const orgAdmin = issueTestToken({
      roles: ['candidate'],
      memberships: [{ institutionId: randomUUID(), roles: ['org_admin'] }],
    });
    for (const token of [
      issueTestToken({ roles: ['candidate'] }),
      orgAdmin,
      issueTestToken({ roles: ['security_analyst'] }),
    ]) {
      await request(url).get('/api/accounts/privacy-requests').set(as(token)).expect(403);
    }
    await request(url).get('/api/accounts/privacy-requests').expect(401);
    await request(url)
      .get('/api/accounts/privacy-requests')
      .set(as(issueTestToken({ roles: ['platform_admin'], expiresInSeconds: -60 })))
      .expect(401);
  });

  it('should refuse malformed filters with the failing fields named', async () => {
    const refused = await request(url)
      .get('/api/accounts/privacy-requests')
      .query({
        kind: 'delete',
        status: 'pending',
        overdue: 'maybe',
        userId: 'someone',
        limit: '0',
        offset: '-1',
      })
      .set(as(admin))
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'REQUEST.INVALID' });
    const fields = (refused.body as { details: { field: string }[] }).details.map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['kind', 'status', 'overdue', 'userId', 'limit', 'offset']),
    );
    await request(url).get('/api/accounts/privacy-requests').query({ sort: 'x' }).set(as(admin)).expect(400);
  });
});
