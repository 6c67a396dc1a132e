import { Topics } from '@exam/contracts';
import { allowFullValuesOn, expectEventually, seedPersonalData } from '@exam/testing';
import request from 'supertest';

import { type AccountsHarness, startAccounts } from './accounts-harness';
import {
  freshIp,
  latestCode,
  type LoggedIn,
  login,
  randomEmail,
  randomPhone,
  refreshed,
  registerActive,
  type Registered,
  STRONG_PASSWORD,
} from './factories';

interface ExportBody {
  format: string;
  profile: {
    userId: string;
    phone: string | null;
    email: string | null;
    fullName: string | null;
    company: string | null;
    nickname: string;
  };
  consents: { purpose: string; granted: boolean }[];
  consentHistory: { purpose: string; granted: boolean }[];
  sessions: { sessionId: string; maskedIp: string }[];
  memberships: { institutionId: string; role: string }[];
  verificationCodes: { purpose: string }[];
  privacyRequests: { kind: string }[];
  pendingContactChange: { kind: string; email?: string } | null;
}

interface ErrorBody {
  code: string;
  details?: { field?: string; reason: string }[];
}

describe('accounts: privacy requests (copy of my data, account cancellation)', () => {
  let harness: AccountsHarness;
  let url: string;

  beforeAll(async () => {
    harness = await startAccounts();
    url = harness.service.url;
  }, 120_000);

  afterAll(async () => {
    await harness.close();
  });

  const bearer = (session: LoggedIn): { Authorization: string } => ({
    Authorization: `Bearer ${session.accessToken}`,
  });

  async function registerWithProfile(): Promise<Registered & { phone: string }> {
    const phone = randomPhone();
    const fullName = '欧阳明远';
    seedPersonalData(fullName);
    const started = await request(url)
      .post('/api/accounts/registrations')
      .send({ phone, password: STRONG_PASSWORD, nickname: 'exporter', fullName, company: 'Acme Testing' })
      .expect(202);
    const id = (started.body as { registrationId: string }).registrationId;
    await request(url)
      .post(`/api/accounts/registrations/${id}/verify`)
      .send({ code: await latestCode(url, `+86${phone}`) })
      .expect(200);
    return { userId: id, login: phone, password: STRONG_PASSWORD, phone };
  }

  it('should give me a masked, machine-readable copy of everything accounts holds about me and nothing about anyone else', async () => {
    const me = await registerWithProfile();
    const other = await registerActive(url, 'email');
    const otherSession = await login(url, other);
    await request(url)
      .put('/api/accounts/me/consents/marketing')
      .set(bearer(otherSession))
      .send({ granted: true })
      .expect(200);

    const session = await login(url, me);
    await request(url)
      .put('/api/accounts/me/consents/marketing')
      .set(bearer(session))
      .send({ granted: true })
      .expect(200);
    await request(url)
      .put('/api/accounts/me/consents/marketing')
      .set(bearer(session))
      .send({ granted: false })
      .expect(200);
    await request(url)
      .put('/api/accounts/me/consents/location')
      .set(bearer(session))
      .send({ granted: true })
      .expect(200);
    const newEmail = randomEmail();
    await request(url)
      .post('/api/accounts/me/contact-changes')
      .set(bearer(session))
      .send({ email: newEmail, currentPassword: STRONG_PASSWORD })
      .expect(202);

    const response = await request(url).get('/api/accounts/me/data-export').set(bearer(session)).expect(200);
    expect(response.headers['content-type']).toContain('application/json');
    const body = response.body as ExportBody;
    expect(body.format).toBe('exam-platform/accounts-personal-data/v1');
    expect(body.profile.userId).toBe(me.userId);
    expect(body.profile.company).toBe('Acme Testing');
    expect(body.profile.phone).toContain('*');
    expect(body.profile.phone).not.toContain(me.phone);
    expect(body.profile.fullName).not.toBe('欧阳明远');
    expect(body.consents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'marketing', granted: false }),
        expect.objectContaining({ purpose: 'location', granted: true }),
      ]),
    );
    expect(body.consentHistory.map((c) => `${c.purpose}:${String(c.granted)}`)).toEqual([
      'location:true',
      'marketing:false',
      'marketing:true',
    ]);
    expect(body.sessions.map((s) => s.sessionId)).toContain(session.sessionId);
    expect(body.verificationCodes.map((c) => c.purpose).sort()).toEqual(['contact_change', 'registration']);
    expect(body.pendingContactChange?.kind).toBe('email');
    expect(body.pendingContactChange?.email).not.toBe(newEmail);

    const text = JSON.stringify(body);
    expect(text).not.toContain(other.userId);
    expect(text).not.toContain(otherSession.sessionId);
    expect(text).not.toContain(other.login);

    await request(url).get('/api/accounts/me/data-export').expect(401);
  });

  it('should give the full values only after my password, recorded as an audited reveal', async () => {
    allowFullValuesOn('POST', '/api/accounts/me/data-export/full');
    const me = await registerWithProfile();
    const session = await login(url, me);
    const wrong = await request(url)
      .post('/api/accounts/me/data-export/full')
      .set(bearer(session))
      .send({ currentPassword: 'not-my-password' })
      .expect(400);
    expect((wrong.body as ErrorBody).code).toBe('ACCOUNT.CURRENT_PASSWORD_WRONG');
    const missing = await request(url)
      .post('/api/accounts/me/data-export/full')
      .set(bearer(session))
      .send({})
      .expect(400);
    expect((missing.body as ErrorBody).details?.[0]?.field).toBe('currentPassword');

    const full = await request(url)
      .post('/api/accounts/me/data-export/full')
      .set(bearer(session))
      .send({ currentPassword: STRONG_PASSWORD })
      .expect(200);
    const data = (full.body as { data: ExportBody }).data;
    expect(data.profile.phone).toBe(`+86${me.phone}`);
    expect(data.profile.fullName).toBe('欧阳明远');
    const reveals: { envelope: string }[] = await harness.data.query(
      "SELECT envelope FROM outbox_events WHERE topic = 'accounts.personal_data.revealed' AND JSON_VALUE(envelope, '$.subjectId') = ?",
      [me.userId],
    );
    expect(
      reveals.map((r) => (JSON.parse(r.envelope) as { payload: { field: string; actorId: string } }).payload),
    ).toEqual([expect.objectContaining({ field: 'personalDataExport', actorId: me.userId })]);
    const masked = await request(url).get('/api/accounts/me/data-export').set(bearer(session)).expect(200);
    expect(
      (masked.body as { personalDataReveals: { field: string }[] }).personalDataReveals.map((r) => r.field),
    ).toEqual(['personalDataExport']);
    // The full copy was recorded as an answered request; an export lists the requests before itself.
    expect((masked.body as ExportBody).privacyRequests.map((r) => r.kind)).toEqual(['export']);
  });

  it('should refuse cancellation with a wrong password, and while I am the only administrator of an institution', async () => {
    const me = await registerWithProfile();
    let session = await login(url, me);
    const wrong = await request(url)
      .post('/api/accounts/me/erasure')
      .set(bearer(session))
      .send({ currentPassword: 'nope-nope' })
      .expect(400);
    expect((wrong.body as ErrorBody).code).toBe('ACCOUNT.CURRENT_PASSWORD_WRONG');
    await request(url)
      .post('/api/accounts/me/erasure')
      .set(bearer(session))
      .send({ currentPassword: STRONG_PASSWORD, extra: 1 })
      .expect(400);

    const created = await request(url)
      .post('/api/accounts/institutions')
      .set(bearer(session))
      .send({ name: 'Solo Exams Ltd', contactEmail: randomEmail() })
      .expect(201);
    const institutionId = (created.body as { institutionId: string }).institutionId;
    const sole = await request(url)
      .post('/api/accounts/me/erasure')
      .set(bearer(session))
      .send({ currentPassword: STRONG_PASSWORD })
      .expect(409);
    const refusal = sole.body as ErrorBody & { message: string };
    expect(refusal.code).toBe('PRIVACY.SOLE_INSTITUTION_ADMIN');
    expect(refusal.message).toContain('Solo Exams Ltd');
    expect(refusal.details?.[0]?.reason).toContain(institutionId);
    const user: { status: string }[] = await harness.data.query('SELECT status FROM users WHERE id = ?', [
      me.userId,
    ]);
    expect(user[0]?.status).toBe('active');

    // A second administrator joins; then the first may leave.
    session = await refreshed(url, session);
    const deputyEmail = randomEmail();
    await request(url)
      .post(`/api/accounts/institutions/${institutionId}/invitations`)
      .set(bearer(session))
      .send({ email: deputyEmail, role: 'org_admin' })
      .expect(201);
    const mail = await request(url).get('/api/accounts/dev/mailbox').query({ to: deputyEmail }).expect(200);
    const token =
      /token: ([A-Za-z0-9_-]{43})/.exec(
        (mail.body as { messages: { text: string }[] }).messages[0]?.text ?? '',
      )?.[1] ?? '';
    const started = await request(url)
      .post('/api/accounts/registrations')
      .send({ email: deputyEmail, password: STRONG_PASSWORD, nickname: 'deputy' })
      .expect(202);
    const deputyId = (started.body as { registrationId: string }).registrationId;
    await request(url)
      .post(`/api/accounts/registrations/${deputyId}/verify`)
      .send({ code: await latestCode(url, deputyEmail) })
      .expect(200);
    const deputy = await login(url, { login: deputyEmail, password: STRONG_PASSWORD });
    await request(url)
      .post('/api/accounts/invitations/accept')
      .set(bearer(deputy))
      .send({ token })
      .expect(200);
    await request(url)
      .post('/api/accounts/me/erasure')
      .set(bearer(session))
      .send({ currentPassword: STRONG_PASSWORD })
      .expect(200);
    const members: { user_id: string }[] = await harness.data.query(
      'SELECT user_id FROM memberships WHERE institution_id = ?',
      [institutionId],
    );
    expect(members.map((m) => m.user_id)).toEqual([deputyId]);
  });

  it('should erase me: sessions end, personal fields and rows go, the tombstone stays, login fails like an unknown account, and the phone can register again', async () => {
    const me = await registerWithProfile();
    const session = await login(url, me);
    const second = await login(url, me);
    await request(url)
      .put('/api/accounts/me/consents/marketing')
      .set(bearer(session))
      .send({ granted: true })
      .expect(200);
    await request(url)
      .post('/api/accounts/me/contact-changes')
      .set(bearer(session))
      .send({ email: randomEmail(), currentPassword: STRONG_PASSWORD })
      .expect(202);

    const published = await harness.probe.collect(harness.names.physical(Topics.ErasureRequested));
    const erased = await request(url)
      .post('/api/accounts/me/erasure')
      .set(bearer(session))
      .send({ currentPassword: STRONG_PASSWORD })
      .expect(200);
    const result = erased.body as { requestId: string; deadline: string; endedSessions: number };
    expect(result.endedSessions).toBe(2);
    expect(new Date(result.deadline).getTime() - Date.now()).toBeGreaterThan(14 * 86_400_000);
    expect(([] as string[]).concat(erased.headers['set-cookie'] ?? []).join('\n')).toContain(
      'exam_refresh=;',
    );

    const rows: Record<string, unknown>[] = await harness.data.query(
      'SELECT status, username, nickname, phone, phone_bidx, email, email_bidx, password_hash, full_name, company, erased_at FROM users WHERE id = ?',
      [me.userId],
    );
    expect(rows[0]).toEqual(
      expect.objectContaining({
        status: 'erased',
        username: null,
        nickname: '',
        phone: null,
        phone_bidx: null,
        email: null,
        email_bidx: null,
        password_hash: '',
        full_name: null,
        company: null,
      }),
    );
    for (const table of [
      'sessions',
      'verification_codes',
      'contact_changes',
      'consents',
      'consent_changes',
      'policy_acceptances',
    ]) {
      const left: unknown[] = await harness.data.query(`SELECT 1 FROM ${table} WHERE user_id = ?`, [
        me.userId,
      ]);
      expect({ table, left: left.length }).toEqual({ table, left: 0 });
    }
    const events: { topic: string; envelope: string }[] = await harness.data.query(
      "SELECT topic, envelope FROM outbox_events WHERE JSON_VALUE(envelope, '$.subjectId') = ? AND topic IN ('accounts.erasure.requested', 'accounts.session.revoked') ORDER BY seq",
      [me.userId],
    );
    const erasure = events.find((e) => e.topic === 'accounts.erasure.requested');
    expect(
      (JSON.parse(erasure?.envelope ?? '{}') as { payload: { requestId: string } }).payload.requestId,
    ).toBe(result.requestId);
    expect(
      events.some((e) => e.topic === 'accounts.session.revoked' && e.envelope.includes('account_erased')),
    ).toBe(true);
    // Identity and audit act on the published request (their consumers are tested in their own suites).
    await expectEventually(() => {
      const mine = published
        .filter((m) => m.key === me.userId)
        .map((m) => JSON.parse(m.value ?? '{}') as { payload: { requestId: string } });
      expect(mine.map((m) => m.payload.requestId)).toEqual([result.requestId]);
    });

    await request(url).post('/api/accounts/auth/refresh').set('cookie', second.refreshCookie).expect(401);
    const relogin = await request(url)
      .post('/api/accounts/auth/login')
      .set('x-forwarded-for', freshIp())
      .send({ login: me.phone, password: STRONG_PASSWORD })
      .expect(401);
    const unknown = await request(url)
      .post('/api/accounts/auth/login')
      .set('x-forwarded-for', freshIp())
      .send({ login: randomPhone(), password: STRONG_PASSWORD })
      .expect(401);
    expect((relogin.body as ErrorBody).code).toBe((unknown.body as ErrorBody).code);
    // The still-valid access token sees nothing any more, and a second cancellation finds no account.
    await request(url).get('/api/accounts/me/data-export').set(bearer(session)).expect(404);
    await request(url)
      .post('/api/accounts/me/erasure')
      .set(bearer(session))
      .send({ currentPassword: STRONG_PASSWORD })
      .expect(404);

    const again = await request(url)
      .post('/api/accounts/registrations')
      .send({ phone: me.phone, password: STRONG_PASSWORD, nickname: 'returning' })
      .expect(202);
    const newId = (again.body as { registrationId: string }).registrationId;
    expect(newId).not.toBe(me.userId);
    await request(url)
      .post(`/api/accounts/registrations/${newId}/verify`)
      .send({ code: await latestCode(url, `+86${me.phone}`) })
      .expect(200);
    await login(url, me);
  });

  it('should never erase or export someone else: the caller is always the token subject', async () => {
    const victim = await registerActive(url);
    const attackerAccount = await registerActive(url);
    const attacker = await login(url, attackerAccount);
    await request(url)
      .post('/api/accounts/me/erasure')
      .set(bearer(attacker))
      .send({ currentPassword: STRONG_PASSWORD, userId: victim.userId })
      .expect(400);
    const copy = await request(url)
      .get(`/api/accounts/me/data-export?userId=${victim.userId}`)
      .set(bearer(attacker))
      .expect(200);
    expect((copy.body as ExportBody).profile.userId).toBe(attackerAccount.userId);
    expect(JSON.stringify(copy.body)).not.toContain(victim.userId);
    const rows: { status: string }[] = await harness.data.query('SELECT status FROM users WHERE id = ?', [
      victim.userId,
    ]);
    expect(rows[0]?.status).toBe('active');
  });
});
