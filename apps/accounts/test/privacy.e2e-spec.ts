import { issueTestToken } from '@exam/testing';
import request from 'supertest';

import { type AccountsHarness, startAccounts } from './accounts-harness';
import { cookieFrom, freshIp, latestCode, randomPhone, STRONG_PASSWORD } from './factories';

interface TokenBody {
  accessToken: string;
  policyAcceptanceRequired: string | null;
}

describe('accounts: privacy policy versions and consent', () => {
  let harness: AccountsHarness;
  let url: string;
  const admin = issueTestToken({ roles: ['platform_admin'] });

  beforeAll(async () => {
    harness = await startAccounts();
    url = harness.service.url;
  }, 120_000);

  afterAll(async () => {
    await harness.close();
  });

  async function publish(
    version: string,
    materialChange: boolean,
    effectiveAt = new Date(Date.now() - 1000),
  ): Promise<void> {
    await request(url)
      .post('/api/accounts/privacy-policy/versions')
      .auth(admin, { type: 'bearer' })
      .send({
        version,
        text: `Privacy policy ${version}: what we collect and why.`,
        effectiveAt: effectiveAt.toISOString(),
        materialChange,
      })
      .expect(201);
  }

  async function signIn(phone: string): Promise<TokenBody> {
    const response = await request(url)
      .post('/api/accounts/auth/login')
      .set('x-forwarded-for', freshIp())
      .send({ login: phone, password: STRONG_PASSWORD })
      .expect(200);
    return response.body as TokenBody;
  }

  it('should require accepting the current policy at registration, ask again after a material change, and keep old versions readable', async () => {
    await publish('2026.1', false);
    const phone = randomPhone();
    const refused = await request(url)
      .post('/api/accounts/registrations')
      .send({ phone, password: STRONG_PASSWORD, nickname: 'p' })
      .expect(400);
    expect((refused.body as { code: string; details: { field: string }[] }).details[0]?.field).toBe(
      'acceptedPolicyVersion',
    );
    const started = await request(url)
      .post('/api/accounts/registrations')
      .send({ phone, password: STRONG_PASSWORD, nickname: 'p', acceptedPolicyVersion: '2026.1' })
      .expect(202);
    const id = (started.body as { registrationId: string }).registrationId;
    await request(url)
      .post(`/api/accounts/registrations/${id}/verify`)
      .send({ code: await latestCode(url, `+86${phone}`) })
      .expect(200);
    expect((await signIn(phone)).policyAcceptanceRequired).toBeNull();

    await publish('2026.2', true);
    await publish('2027.1', true, new Date(Date.now() + 86_400_000));
    const asked = await signIn(phone);
    expect(asked.policyAcceptanceRequired).toBe('2026.2');
    await request(url)
      .post('/api/accounts/me/policy-acceptances')
      .auth(asked.accessToken, { type: 'bearer' })
      .send({ version: '2027.1' })
      .expect(404);
    await request(url)
      .post('/api/accounts/me/policy-acceptances')
      .auth(asked.accessToken, { type: 'bearer' })
      .send({ version: '2026.2' })
      .expect(204);
    expect((await signIn(phone)).policyAcceptanceRequired).toBeNull();

    const current = await request(url).get('/api/accounts/privacy-policy').expect(200);
    expect((current.body as { version: string }).version).toBe('2026.2');
    const old = await request(url).get('/api/accounts/privacy-policy/versions/2026.1').expect(200);
    expect((old.body as { text: string }).text).toContain('2026.1');
    const list = await request(url).get('/api/accounts/privacy-policy/versions').expect(200);
    expect((list.body as { versions: { version: string }[] }).versions.map((v) => v.version)).toEqual([
      '2027.1',
      '2026.2',
      '2026.1',
    ]);
  });

  it('should let only platform admins publish, and never overwrite a version', async () => {
    await request(url)
      .post('/api/accounts/privacy-policy/versions')
      .auth(issueTestToken({ roles: ['candidate'] }), { type: 'bearer' })
      .send({ version: 'x1', text: 't', effectiveAt: new Date().toISOString(), materialChange: false })
      .expect(403);
    await publish('dup-1', false, new Date(Date.now() - 86_400_000 * 365));
    await request(url)
      .post('/api/accounts/privacy-policy/versions')
      .auth(admin, { type: 'bearer' })
      .send({
        version: 'dup-1',
        text: 'changed',
        effectiveAt: new Date().toISOString(),
        materialChange: false,
      })
      .expect(409);
    const bad = await request(url)
      .post('/api/accounts/privacy-policy/versions')
      .auth(admin, { type: 'bearer' })
      .send({ version: 'v', text: 't', effectiveAt: 'soon', materialChange: 'yes' })
      .expect(400);
    expect(new Set((bad.body as { details: { field: string }[] }).details.map((d) => d.field))).toEqual(
      new Set(['effectiveAt', 'materialChange']),
    );
  });

  it('should give and withdraw consent per purpose, publish each change once, and refuse unknown purposes', async () => {
    const user = issueTestToken({ roles: ['candidate'] });
    const userId = (
      JSON.parse(Buffer.from(user.split('.')[1] ?? '', 'base64url').toString()) as { sub: string }
    ).sub;
    const initial = await request(url)
      .get('/api/accounts/me/consents')
      .auth(user, { type: 'bearer' })
      .expect(200);
    expect(
      (initial.body as { consents: { purpose: string; granted: boolean }[] }).consents.every(
        (c) => !c.granted,
      ),
    ).toBe(true);
    await request(url)
      .put('/api/accounts/me/consents/marketing')
      .auth(user, { type: 'bearer' })
      .send({ granted: true })
      .expect(200);
    await request(url)
      .put('/api/accounts/me/consents/marketing')
      .auth(user, { type: 'bearer' })
      .send({ granted: true })
      .expect(200);
    const off = await request(url)
      .put('/api/accounts/me/consents/marketing')
      .auth(user, { type: 'bearer' })
      .send({ granted: false })
      .expect(200);
    expect((off.body as { granted: boolean }).granted).toBe(false);
    const events: { envelope: string }[] = await harness.data.query(
      "SELECT envelope FROM outbox_events WHERE topic = 'accounts.consent.changed' AND JSON_VALUE(envelope, '$.subjectId') = ? ORDER BY seq",
      [userId],
    );
    expect(
      events.map((e) => (JSON.parse(e.envelope) as { payload: { granted: boolean } }).payload.granted),
    ).toEqual([true, false]);
    const unknown = await request(url)
      .put('/api/accounts/me/consents/telepathy')
      .auth(user, { type: 'bearer' })
      .send({ granted: true })
      .expect(400);
    expect((unknown.body as { details: { field: string }[] }).details[0]?.field).toBe('purpose');
    await request(url).put('/api/accounts/me/consents/marketing').send({ granted: true }).expect(401);
  });

  it('should gate every route but the policy exits after a material change until the user accepts and refreshes', async () => {
    const before = await request(url).get('/api/accounts/privacy-policy').expect(200);
    const phone = randomPhone();
    const started = await request(url)
      .post('/api/accounts/registrations')
      .send({
        phone,
        password: STRONG_PASSWORD,
        nickname: 'gate',
        acceptedPolicyVersion: (before.body as { version: string }).version,
      })
      .expect(202);
    const id = (started.body as { registrationId: string }).registrationId;
    await request(url)
      .post(`/api/accounts/registrations/${id}/verify`)
      .send({ code: await latestCode(url, `+86${phone}`) })
      .expect(200);
    await publish('2026.9', true);

    const signedIn = await request(url)
      .post('/api/accounts/auth/login')
      .set('x-forwarded-for', freshIp())
      .send({ login: phone, password: STRONG_PASSWORD })
      .expect(200);
    const gated = signedIn.body as TokenBody;
    expect(gated.policyAcceptanceRequired).toBe('2026.9');
    const claims = JSON.parse(Buffer.from(gated.accessToken.split('.')[1] ?? '', 'base64url').toString()) as {
      pendingPolicy?: string;
    };
    expect(claims.pendingPolicy).toBe('2026.9');
    let cookie = cookieFrom(signedIn.headers['set-cookie'], 'exam_refresh');

    const refused = await request(url)
      .put('/api/accounts/me/consents/marketing')
      .auth(gated.accessToken, { type: 'bearer' })
      .send({ granted: true })
      .expect(403);
    const refusal = refused.body as { code: string; details: { field: string; reason: string }[] };
    expect(refusal.code).toBe('AUTH.POLICY_ACCEPTANCE_REQUIRED');
    expect(refusal.details).toEqual([{ field: 'policyVersion', reason: '2026.9' }]);
    await request(url)
      .post('/api/accounts/institutions')
      .auth(gated.accessToken, { type: 'bearer' })
      .send({ name: 'Gated Institute', contactEmail: 'ops@example.org' })
      .expect(403);

    // What a user may do without agreeing: read the policies, see and withdraw consent (not give it), see and end sessions.
    await request(url)
      .get('/api/accounts/me/sessions')
      .auth(gated.accessToken, { type: 'bearer' })
      .expect(200);
    await request(url)
      .get('/api/accounts/privacy-policy/versions/2026.9')
      .auth(gated.accessToken, { type: 'bearer' })
      .expect(200);
    await request(url)
      .get('/api/accounts/me/consents')
      .auth(gated.accessToken, { type: 'bearer' })
      .expect(200);
    const grant = await request(url)
      .put('/api/accounts/me/consents/marketing')
      .auth(gated.accessToken, { type: 'bearer' })
      .send({ granted: true })
      .expect(403);
    expect((grant.body as { code: string }).code).toBe('AUTH.POLICY_ACCEPTANCE_REQUIRED');
    await request(url)
      .put('/api/accounts/me/consents/location')
      .auth(gated.accessToken, { type: 'bearer' })
      .send({ granted: false })
      .expect(200);

    // A refresh before accepting keeps the gate.
    const stillGated = await request(url)
      .post('/api/accounts/auth/refresh')
      .set('cookie', cookie)
      .expect(200);
    expect((stillGated.body as TokenBody).policyAcceptanceRequired).toBe('2026.9');
    cookie = cookieFrom(stillGated.headers['set-cookie'], 'exam_refresh');
    await request(url)
      .put('/api/accounts/me/consents/marketing')
      .auth((stillGated.body as TokenBody).accessToken, { type: 'bearer' })
      .send({ granted: true })
      .expect(403);

    await request(url)
      .post('/api/accounts/me/policy-acceptances')
      .auth(gated.accessToken, { type: 'bearer' })
      .send({ version: '2026.9' })
      .expect(204);
    // The old token still carries the claim until it is refreshed.
    await request(url)
      .put('/api/accounts/me/consents/marketing')
      .auth(gated.accessToken, { type: 'bearer' })
      .send({ granted: true })
      .expect(403);
    const refreshed = await request(url).post('/api/accounts/auth/refresh').set('cookie', cookie).expect(200);
    const open = refreshed.body as TokenBody;
    expect(open.policyAcceptanceRequired).toBeNull();
    expect(
      (
        JSON.parse(Buffer.from(open.accessToken.split('.')[1] ?? '', 'base64url').toString()) as {
          pendingPolicy?: string;
        }
      ).pendingPolicy,
    ).toBeUndefined();
    await request(url)
      .put('/api/accounts/me/consents/marketing')
      .auth(open.accessToken, { type: 'bearer' })
      .send({ granted: true })
      .expect(200);

    // Memberships and the gate are read together for every token: with both present, it carries both.
    const created = await request(url)
      .post('/api/accounts/institutions')
      .auth(open.accessToken, { type: 'bearer' })
      .send({ name: 'Open Institute', contactEmail: 'ops@example.org' })
      .expect(201);
    await publish('2026.10', true);
    const both = await request(url)
      .post('/api/accounts/auth/refresh')
      .set('cookie', cookieFrom(refreshed.headers['set-cookie'], 'exam_refresh'))
      .expect(200);
    const bothClaims = JSON.parse(
      Buffer.from((both.body as TokenBody).accessToken.split('.')[1] ?? '', 'base64url').toString(),
    ) as {
      pendingPolicy?: string;
      memberships: { institutionId: string; roles: string[] }[];
    };
    expect(bothClaims.pendingPolicy).toBe('2026.10');
    expect(bothClaims.memberships).toEqual([
      { institutionId: (created.body as { institutionId: string }).institutionId, roles: ['org_admin'] },
    ]);
  });
});
