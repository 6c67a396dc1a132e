import { issueTestToken, seedPersonalData } from '@exam/testing';
import { decode } from 'jsonwebtoken';
import request from 'supertest';

import { type AccountsHarness, startAccounts } from './accounts-harness';
import {
  freshIp,
  latestCode,
  login,
  randomEmail,
  refreshed,
  registerActive,
  type Registered,
  STRONG_PASSWORD,
} from './factories';

interface InstitutionBody {
  institutionId: string;
  name: string;
  contactPhone: string | null;
  invoiceRecipient: string | null;
}

describe('accounts: institutions, roles and tenants', () => {
  let harness: AccountsHarness;
  let url: string;

  beforeAll(async () => {
    seedPersonalData('张三丰', '北京市海淀区中关村大街1号', '13812345678');
    harness = await startAccounts();
    url = harness.service.url;
  }, 120_000);

  afterAll(async () => {
    await harness.close();
  });

  /** An account that registered an institution, with a token that carries its org_admin membership. */
  async function institutionAdmin(
    name: string,
  ): Promise<{ institutionId: string; token: string; userId: string; user: Registered }> {
    const user = await registerActive(url);
    const session = await login(url, user);
    const created = await request(url)
      .post('/api/accounts/institutions')
      .auth(session.accessToken, { type: 'bearer' })
      .send({
        name,
        contactPhone: '13812345678',
        invoiceRecipient: '张三丰',
        invoiceAddress: '北京市海淀区中关村大街1号',
        invoicePostcode: '100080',
      })
      .expect(201);
    const body = created.body as InstitutionBody;
    return {
      institutionId: body.institutionId,
      token: (await refreshed(url, session)).accessToken,
      userId: user.userId,
      user,
    };
  }

  it('should make the registering account the org_admin, with the membership in its next token, and mask contact data', async () => {
    const admin = await institutionAdmin('Beijing Testing Centre');
    const response = await request(url)
      .get(`/api/accounts/institutions/${admin.institutionId}`)
      .auth(admin.token, { type: 'bearer' })
      .expect(200);
    const body = response.body as InstitutionBody;
    expect(body.name).toBe('Beijing Testing Centre');
    expect(body.contactPhone).not.toContain('13812345678');
    expect(body.invoiceRecipient).not.toBe('张三丰');
    const stored: { contact_phone: string }[] = await harness.data.query(
      'SELECT contact_phone FROM institutions WHERE id = ?',
      [admin.institutionId],
    );
    expect(stored[0]?.contact_phone).not.toContain('13812345678');
    const events: { n: number | string }[] = await harness.data.query(
      "SELECT COUNT(*) AS n FROM outbox_events WHERE topic IN ('accounts.institution.registered', 'accounts.membership.changed') AND envelope LIKE ?",
      [`%${admin.institutionId}%`],
    );
    expect(Number(events[0]?.n)).toBe(2);
  });

  it("should name the user's institutions on their login attempts, for security staff to filter alerts by", async () => {
    const admin = await institutionAdmin('Shanghai Exam Office');
    await login(url, admin.user);
    await request(url)
      .post('/api/accounts/auth/login')
      .set('x-forwarded-for', freshIp())
      .send({ login: admin.user.login, password: 'Not-The-Password-1' })
      .expect(401);

    const attempts: { envelope: string }[] = await harness.data.query(
      "SELECT envelope FROM outbox_events WHERE topic = 'accounts.login.attempted' AND JSON_VALUE(envelope, '$.subjectId') = ? ORDER BY seq",
      [admin.userId],
    );
    const last = attempts.slice(-2).map((a) => {
      const payload = (JSON.parse(a.envelope) as { payload: { outcome: string; institutionIds?: string[] } })
        .payload;
      return { outcome: payload.outcome, institutions: payload.institutionIds };
    });
    expect(last).toEqual([
      { outcome: 'success', institutions: [admin.institutionId] },
      { outcome: 'failure', institutions: [admin.institutionId] },
    ]);
  });

  it('should keep one institution from reading or changing another', async () => {
    const first = await institutionAdmin('First Institution');
    const second = await institutionAdmin('Second Institution');
    const read = await request(url)
      .get(`/api/accounts/institutions/${first.institutionId}`)
      .auth(second.token, { type: 'bearer' })
      .expect(403);
    expect((read.body as { code: string }).code).toBe('AUTH.TENANT_FORBIDDEN');
    await request(url)
      .patch(`/api/accounts/institutions/${first.institutionId}`)
      .auth(second.token, { type: 'bearer' })
      .send({ name: 'Hijacked' })
      .expect(403);
    await request(url)
      .get(`/api/accounts/institutions/${first.institutionId}/members`)
      .auth(second.token, { type: 'bearer' })
      .expect(403);
    await request(url)
      .post(`/api/accounts/institutions/${first.institutionId}/invitations`)
      .auth(second.token, { type: 'bearer' })
      .send({ email: randomEmail(), role: 'org_admin' })
      .expect(403);
    const unchanged = await request(url)
      .get(`/api/accounts/institutions/${first.institutionId}`)
      .auth(first.token, { type: 'bearer' })
      .expect(200);
    expect((unchanged.body as InstitutionBody).name).toBe('First Institution');
  });

  it('should keep a candidate out of staff routes', async () => {
    const admin = await institutionAdmin('Candidate Fence');
    const candidate = await login(url, await registerActive(url));
    await request(url)
      .get(`/api/accounts/institutions/${admin.institutionId}`)
      .auth(candidate.accessToken, { type: 'bearer' })
      .expect(403);
    await request(url)
      .get(`/api/accounts/institutions/${admin.institutionId}/members`)
      .auth(candidate.accessToken, { type: 'bearer' })
      .expect(403);
    await request(url)
      .post(`/api/accounts/institutions/${admin.institutionId}/invitations`)
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ email: randomEmail(), role: 'org_staff' })
      .expect(403);
  });

  it('should let invited staff join with the invited role only, and only the owner of the invited contact accept', async () => {
    const admin = await institutionAdmin('Invite Centre');
    const email = randomEmail();
    const invited = await request(url)
      .post(`/api/accounts/institutions/${admin.institutionId}/invitations`)
      .auth(admin.token, { type: 'bearer' })
      .send({ email, role: 'org_staff' })
      .expect(201);
    expect((invited.body as { email: string }).email).not.toBe(email);
    const mail = await request(url).get('/api/accounts/dev/mailbox').query({ to: email }).expect(200);
    const token =
      /token: ([A-Za-z0-9_-]{43})/.exec(
        (mail.body as { messages: { text: string }[] }).messages[0]?.text ?? '',
      )?.[1] ?? '';

    const stranger = await login(url, await registerActive(url));
    const denied = await request(url)
      .post('/api/accounts/invitations/accept')
      .auth(stranger.accessToken, { type: 'bearer' })
      .send({ token })
      .expect(403);
    expect((denied.body as { code: string }).code).toBe('INSTITUTION.INVITATION_NOT_FOR_YOU');

    const started = await request(url)
      .post('/api/accounts/registrations')
      .send({ email, password: STRONG_PASSWORD, nickname: 'staff' })
      .expect(202);
    const staffId = (started.body as { registrationId: string }).registrationId;
    await request(url)
      .post(`/api/accounts/registrations/${staffId}/verify`)
      .send({ code: await latestCode(url, email) })
      .expect(200);
    const staff = await login(url, { login: email, password: STRONG_PASSWORD });
    await request(url)
      .post('/api/accounts/invitations/accept')
      .auth(staff.accessToken, { type: 'bearer' })
      .send({ token })
      .expect(200);
    await request(url)
      .post('/api/accounts/invitations/accept')
      .auth(staff.accessToken, { type: 'bearer' })
      .send({ token })
      .expect(410);
    const staffToken = (await refreshed(url, staff)).accessToken;

    const members = await request(url)
      .get(`/api/accounts/institutions/${admin.institutionId}/members`)
      .auth(staffToken, { type: 'bearer' })
      .expect(200);
    expect((members.body as { members: { userId: string; roles: string[] }[] }).members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: admin.userId, roles: ['org_admin'] }),
        expect.objectContaining({ userId: staffId, roles: ['org_staff'] }),
      ]),
    );
    await request(url)
      .patch(`/api/accounts/institutions/${admin.institutionId}`)
      .auth(staffToken, { type: 'bearer' })
      .send({ name: 'Renamed' })
      .expect(403);
    await request(url)
      .delete(`/api/accounts/institutions/${admin.institutionId}/members/${admin.userId}/roles/org_admin`)
      .auth(staffToken, { type: 'bearer' })
      .expect(403);

    const lastAdmin = await request(url)
      .delete(`/api/accounts/institutions/${admin.institutionId}/members/${admin.userId}/roles/org_admin`)
      .auth(admin.token, { type: 'bearer' })
      .expect(409);
    expect((lastAdmin.body as { code: string }).code).toBe('INSTITUTION.LAST_ADMIN');
    await request(url)
      .delete(`/api/accounts/institutions/${admin.institutionId}/members/${staffId}/roles/org_staff`)
      .auth(admin.token, { type: 'bearer' })
      .expect(204);
    await request(url)
      .delete(`/api/accounts/institutions/${admin.institutionId}/members/${staffId}/roles/org_staff`)
      .auth(admin.token, { type: 'bearer' })
      .expect(404);
    const again = await login(url, { login: email, password: STRONG_PASSWORD });
    expect((decode(again.accessToken) as { memberships: unknown[] }).memberships).toEqual([]);
    await request(url)
      .get(`/api/accounts/institutions/${admin.institutionId}`)
      .auth(again.accessToken, { type: 'bearer' })
      .expect(403);
  });

  it('should reject malformed institution input naming the field', async () => {
    const admin = await institutionAdmin('Validation Centre');
    const bad = await request(url)
      .post(`/api/accounts/institutions/${admin.institutionId}/invitations`)
      .auth(admin.token, { type: 'bearer' })
      .send({ email: randomEmail(), role: 'platform_admin' })
      .expect(400);
    expect((bad.body as { details: { field: string }[] }).details.map((d) => d.field)).toEqual(['role']);
    const noName = await request(url)
      .post('/api/accounts/institutions')
      .auth(admin.token, { type: 'bearer' })
      .send({ contactEmail: 'x@example.com', invoicePostcode: '12' })
      .expect(400);
    expect(new Set((noName.body as { details: { field: string }[] }).details.map((d) => d.field))).toEqual(
      new Set(['name', 'invoicePostcode']),
    );
    // The tenant guard answers first for members; past it (platform support) a malformed id is a 400.
    await request(url)
      .get('/api/accounts/institutions/not-a-uuid')
      .auth(admin.token, { type: 'bearer' })
      .expect(403);
    await request(url)
      .get('/api/accounts/institutions/not-a-uuid')
      .auth(issueTestToken({ roles: ['platform_admin'] }), { type: 'bearer' })
      .expect(400);
  });

  it('should let a platform admin support any institution, and refuse institutions to anonymous callers', async () => {
    const admin = await institutionAdmin('Support Centre');
    await request(url).get(`/api/accounts/institutions/${admin.institutionId}`).expect(401);
    const support = issueTestToken({ roles: ['platform_admin'] });
    await request(url)
      .get(`/api/accounts/institutions/${admin.institutionId}`)
      .auth(support, { type: 'bearer' })
      .expect(200);
  });
});
