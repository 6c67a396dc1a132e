import type { ErrorBody } from '@exam/platform';
import { JWT_AUDIENCE, JWT_ISSUER } from '@exam/platform';
import { Clock } from '@exam/platform';
import { expectEventually, issueTestToken } from '@exam/testing';
import { Algorithm, hash } from '@node-rs/argon2';
import { decode, verify } from 'jsonwebtoken';
import request from 'supertest';

import { type AccountsHarness, startAccounts } from './accounts-harness';
import {
  freshIp,
  latestCode,
  login,
  randomEmail,
  randomPhone,
  registerActive,
  STRONG_PASSWORD,
} from './factories';

describe('accounts: registration, login and sessions', () => {
  let harness: AccountsHarness;
  let url: string;

  beforeAll(async () => {
    harness = await startAccounts();
    url = harness.service.url;
  }, 120_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await harness.close();
  });

  async function outboxPayloads(topic: string, subjectId: string): Promise<Record<string, unknown>[]> {
    const rows: { envelope: string }[] = await harness.data.query(
      "SELECT envelope FROM outbox_events WHERE topic = ? AND JSON_VALUE(envelope, '$.subjectId') = ? ORDER BY seq",
      [topic, subjectId],
    );
    return rows.map((r) => (JSON.parse(r.envelope) as { payload: Record<string, unknown> }).payload);
  }

  function shiftClock(ms: number): void {
    const clock = harness.service.app.get(Clock);
    const real = Date.now;
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(real() + ms));
  }

  describe('registration', () => {
    it('should keep a phone registration pending until the code proves the phone, then publish it masked', async () => {
      const phone = randomPhone();
      const started = await request(url)
        .post('/api/accounts/registrations')
        .send({ phone, password: STRONG_PASSWORD, nickname: '小明', jobTitle: 'teacher' })
        .expect(202);
      const body = started.body as { registrationId: string; channel: string; phone: string };
      expect(body.channel).toBe('sms');
      expect(body.phone).not.toContain(phone.slice(3, 7));
      await request(url)
        .post('/api/accounts/auth/login')
        .set('x-forwarded-for', freshIp())
        .send({ login: phone, password: STRONG_PASSWORD })
        .expect(401);

      const code = await latestCode(url, `+86${phone}`);
      await request(url)
        .post(`/api/accounts/registrations/${body.registrationId}/verify`)
        .send({ code })
        .expect(200);
      await login(url, { login: phone, password: STRONG_PASSWORD });

      const events = await outboxPayloads('accounts.user.registered', body.registrationId);
      expect(events).toHaveLength(1);
      expect(JSON.stringify(events[0])).not.toContain(phone);
      const stored: { phone: string; phone_bidx: string }[] = await harness.data.query(
        'SELECT phone, phone_bidx FROM users WHERE id = ?',
        [body.registrationId],
      );
      expect(stored[0]?.phone).not.toContain(phone);
      expect(stored[0]?.phone_bidx).toMatch(/^[0-9a-f]{64}$/);
    });

    it('should register with an email and sign in with it in any letter case', async () => {
      const user = await registerActive(url, 'email');
      await login(url, { login: user.login.toUpperCase(), password: user.password });
    });

    it('should reject a malformed registration naming each field', async () => {
      const response = await request(url)
        .post('/api/accounts/registrations')
        .send({ phone: '12345', password: STRONG_PASSWORD, extra: 1 })
        .expect(400);
      const body = response.body as ErrorBody;
      expect(body.code).toBe('REQUEST.INVALID');
      expect(new Set(body.details?.map((d) => d.field))).toEqual(new Set(['phone', 'nickname', 'extra']));
    });

    it('should refuse weak passwords with a reason the user can act on', async () => {
      const phone = randomPhone();
      for (const [password, reason] of [
        ['short1', 'at least 8'],
        ['woaini1314', 'most common'],
        [`pw${phone}`, 'phone number'],
      ] as const) {
        const response = await request(url)
          .post('/api/accounts/registrations')
          .send({ phone, password, nickname: 'n' })
          .expect(400);
        const body = response.body as ErrorBody;
        expect(body.code).toBe('ACCOUNT.WEAK_PASSWORD');
        expect(body.message).toContain(reason);
        expect(body.details?.[0]?.field).toBe('password');
      }
    });

    it('should not create a second account for a phone that is already registered, nor say so before the code step', async () => {
      const user = await registerActive(url, 'phone');
      const response = await request(url)
        .post('/api/accounts/registrations')
        .send({ phone: `+86 ${user.login}`, password: STRONG_PASSWORD, nickname: 'again' })
        .expect(202);
      const id = (response.body as { registrationId: string }).registrationId;
      await request(url)
        .post(`/api/accounts/registrations/${id}/verify`)
        .send({ code: '123456' })
        .expect(404);
    });

    it('should count wrong codes and stop accepting any code after the limit', async () => {
      const phone = randomPhone();
      const started = await request(url)
        .post('/api/accounts/registrations')
        .send({ phone, password: STRONG_PASSWORD, nickname: 'n' })
        .expect(202);
      const id = (started.body as { registrationId: string }).registrationId;
      const code = await latestCode(url, `+86${phone}`);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 4; i += 1) {
        const response = await request(url)
          .post(`/api/accounts/registrations/${id}/verify`)
          .send({ code: wrong })
          .expect(400);
        expect((response.body as ErrorBody).code).toBe('VERIFICATION.CODE_WRONG');
      }
      await request(url).post(`/api/accounts/registrations/${id}/verify`).send({ code: wrong }).expect(429);
      const last = await request(url)
        .post(`/api/accounts/registrations/${id}/verify`)
        .send({ code })
        .expect(429);
      expect((last.body as ErrorBody).code).toBe('VERIFICATION.TOO_MANY_ATTEMPTS');
    });

    it('should refuse an expired code and a resend within the cooldown', async () => {
      const email = randomEmail();
      const started = await request(url)
        .post('/api/accounts/registrations')
        .send({ email, password: STRONG_PASSWORD, nickname: 'n' })
        .expect(202);
      const id = (started.body as { registrationId: string }).registrationId;
      const resend = await request(url).post(`/api/accounts/registrations/${id}/code`).expect(429);
      expect((resend.body as ErrorBody).code).toBe('VERIFICATION.RESEND_TOO_SOON');
      const code = await latestCode(url, email);
      shiftClock(11 * 60_000);
      try {
        const response = await request(url)
          .post(`/api/accounts/registrations/${id}/verify`)
          .send({ code })
          .expect(410);
        expect((response.body as ErrorBody).code).toBe('VERIFICATION.CODE_EXPIRED');
        await request(url).post(`/api/accounts/registrations/${id}/code`).expect(202);
      } finally {
        jest.restoreAllMocks();
      }
      const fresh = await latestCode(url, email);
      await request(url).post(`/api/accounts/registrations/${id}/verify`).send({ code: fresh }).expect(200);
    });

    it('should answer 400 for a registration id that is not a UUID', async () => {
      await request(url)
        .post('/api/accounts/registrations/not-a-uuid/verify')
        .send({ code: '123456' })
        .expect(400);
    });
  });

  describe('login and tokens', () => {
    it('should issue an ES256 access token with exactly the contract claims and a strict refresh cookie', async () => {
      const user = await registerActive(url);
      const response = await request(url)
        .post('/api/accounts/auth/login')
        .set('x-forwarded-for', freshIp())
        .set('user-agent', 'jest-agent')
        .send({ login: user.login, password: user.password })
        .expect(200);
      const body = response.body as { accessToken: string; tokenType: string; expiresIn: number };
      expect(body.tokenType).toBe('Bearer');
      const header = decode(body.accessToken, { complete: true })?.header;
      expect(header).toMatchObject({ alg: 'ES256', kid: 'accounts-test' });
      const claims = verify(body.accessToken, harness.publicKeyPem, {
        algorithms: ['ES256'],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
      }) as Record<string, unknown>;
      expect(Object.keys(claims).sort()).toEqual([
        'aud',
        'auth_time',
        'exp',
        'iat',
        'iss',
        'memberships',
        'roles',
        'sid',
        'sub',
      ]);
      expect(claims).toMatchObject({ sub: user.userId, roles: ['candidate'], memberships: [] });
      const cookies = response.headers['set-cookie'] as unknown as string[];
      const refresh = cookies.find((c) => c.startsWith('exam_refresh=')) ?? '';
      expect(refresh).toMatch(/HttpOnly/);
      expect(refresh).toMatch(/Secure/);
      expect(refresh).toMatch(/SameSite=Strict/);
      expect(refresh).toMatch(/Path=\/api\/accounts\/auth/);
      expect(cookies.some((c) => c.startsWith('exam_device='))).toBe(true);
    });

    it('should sign in by user name as well', async () => {
      const phone = randomPhone();
      const username = `u${phone}`;
      const started = await request(url)
        .post('/api/accounts/registrations')
        .send({ phone, username: 'Alice_' + phone.slice(-6), password: STRONG_PASSWORD, nickname: 'a' })
        .expect(202);
      const id = (started.body as { registrationId: string }).registrationId;
      await request(url)
        .post(`/api/accounts/registrations/${id}/verify`)
        .send({ code: await latestCode(url, `+86${phone}`) })
        .expect(200);
      expect(username).toBeDefined();
      await login(url, { login: `alice_${phone.slice(-6)}`, password: STRONG_PASSWORD });
    });

    it('should reject a malformed login body naming the field', async () => {
      const response = await request(url).post('/api/accounts/auth/login').send({ login: 'x' }).expect(400);
      expect((response.body as ErrorBody).details?.map((d) => d.field)).toContain('password');
    });

    it('should rotate the refresh token and revoke the whole family when a used one comes back', async () => {
      const user = await registerActive(url);
      const first = await login(url, user);
      const rotated = await request(url)
        .post('/api/accounts/auth/refresh')
        .set('cookie', first.refreshCookie)
        .expect(200);
      const second = (rotated.headers['set-cookie'] as unknown as string[])[0]?.split(';')[0] ?? '';
      expect(second).not.toBe(first.refreshCookie);

      const reuse = await request(url)
        .post('/api/accounts/auth/refresh')
        .set('cookie', first.refreshCookie)
        .expect(401);
      expect((reuse.body as ErrorBody).code).toBe('AUTH.REFRESH_INVALID');
      await request(url).post('/api/accounts/auth/refresh').set('cookie', second).expect(401);
      const revoked = await outboxPayloads('accounts.session.revoked', user.userId);
      expect(revoked).toEqual([
        { userId: user.userId, sessionIds: [first.sessionId], reason: 'refresh_reuse' },
      ]);
    });

    it('should let one of several simultaneous uses of a refresh token win and then end the family once', async () => {
      const user = await registerActive(url);
      const first = await login(url, user);
      const answers = await Promise.all(
        [0, 1, 2].map(() =>
          request(url).post('/api/accounts/auth/refresh').set('cookie', first.refreshCookie),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401]);
      const winner = answers.find((a) => a.status === 200);
      const successor =
        (winner?.headers['set-cookie'] as unknown as string[] | undefined)?.[0]?.split(';')[0] ?? '';
      await request(url).post('/api/accounts/auth/refresh').set('cookie', successor).expect(401);
      const live: unknown[] = await harness.data.query(
        'SELECT 1 FROM refresh_tokens t WHERE t.session_id = ? AND t.used_at IS NULL',
        [first.sessionId],
      );
      expect(live).toEqual([]);
      const revoked = await outboxPayloads('accounts.session.revoked', user.userId);
      expect(revoked).toEqual([
        { userId: user.userId, sessionIds: [first.sessionId], reason: 'refresh_reuse' },
      ]);
    });

    it('should answer a refresh racing a logout of the same session with 200 or 401, never 500, and leave no live token', async () => {
      const user = await registerActive(url);
      for (let i = 0; i < 8; i += 1) {
        const session = await login(url, user);
        const [refreshed, loggedOut] = await Promise.all([
          request(url).post('/api/accounts/auth/refresh').set('cookie', session.refreshCookie),
          request(url).post('/api/accounts/auth/logout').set('cookie', session.refreshCookie),
        ]);
        expect([200, 401]).toContain(refreshed.status);
        expect(loggedOut.status).toBe(204);
        const live: unknown[] = await harness.data.query(
          'SELECT 1 FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id WHERE s.id = ? AND t.used_at IS NULL AND s.revoked_at IS NULL',
          [session.sessionId],
        );
        expect(live).toEqual([]);
      }
    });

    it('should refuse a refresh without a cookie', async () => {
      await request(url).post('/api/accounts/auth/refresh').expect(401);
    });

    it('should list my sessions with masked IPs and regions, end one, log out and log out everywhere', async () => {
      const user = await registerActive(url);
      const a = await login(url, user, '203.0.113.77');
      const b = await login(url, user, '114.114.114.114');
      const c = await login(url, user);
      const listed = await request(url)
        .get('/api/accounts/me/sessions')
        .auth(a.accessToken, { type: 'bearer' })
        .expect(200);
      const sessions = (
        listed.body as {
          sessions: { sessionId: string; maskedIp: string; region: string | null; current: boolean }[];
        }
      ).sessions;
      expect(sessions).toHaveLength(3);
      const mine = sessions.find((s) => s.sessionId === a.sessionId);
      expect(mine?.current).toBe(true);
      expect(mine?.maskedIp).not.toContain('203.0.113.77');
      // A documentation (reserved) address has no region; a public Chinese one resolves to province and city.
      expect(mine?.region).toBeNull();
      const nanjing = sessions.find((s) => s.sessionId === b.sessionId);
      expect(nanjing?.region).toBe('江苏省 南京市');
      expect(nanjing?.maskedIp).not.toContain('114.114.114.114');
      await request(url)
        .post('/api/accounts/auth/refresh')
        .set('cookie', b.refreshCookie)
        .set('x-forwarded-for', '1.180.0.1')
        .expect(200);
      const moved = await request(url)
        .get('/api/accounts/me/sessions')
        .auth(a.accessToken, { type: 'bearer' })
        .expect(200);
      const movedB = (
        moved.body as { sessions: { sessionId: string; region: string | null }[] }
      ).sessions.find((s) => s.sessionId === b.sessionId);
      expect(movedB?.region).toBe('内蒙古 呼和浩特市');

      await request(url)
        .delete(`/api/accounts/me/sessions/${b.sessionId}`)
        .auth(a.accessToken, { type: 'bearer' })
        .expect(204);
      await request(url).post('/api/accounts/auth/refresh').set('cookie', b.refreshCookie).expect(401);

      await request(url).post('/api/accounts/auth/logout').set('cookie', c.refreshCookie).expect(204);
      await request(url).post('/api/accounts/auth/refresh').set('cookie', c.refreshCookie).expect(401);

      const other = await registerActive(url);
      const otherLogin = await login(url, other);
      await request(url)
        .delete(`/api/accounts/me/sessions/${otherLogin.sessionId}`)
        .auth(a.accessToken, { type: 'bearer' })
        .expect(404);

      const all = await request(url)
        .post('/api/accounts/auth/logout-all')
        .auth(a.accessToken, { type: 'bearer' })
        .expect(200);
      expect(all.body).toEqual({ endedSessions: 1 });
      await request(url).post('/api/accounts/auth/refresh').set('cookie', a.refreshCookie).expect(401);
      await request(url)
        .post('/api/accounts/auth/refresh')
        .set('cookie', otherLogin.refreshCookie)
        .expect(200);
    });

    it('should refuse session routes without a token, with an untrusted or an expired one', async () => {
      await request(url).get('/api/accounts/me/sessions').expect(401);
      const untrusted = issueTestToken({ signedBy: 'untrusted' });
      await request(url).get('/api/accounts/me/sessions').auth(untrusted, { type: 'bearer' }).expect(401);
      const expired = issueTestToken({ expiresInSeconds: -10 });
      await request(url).get('/api/accounts/me/sessions').auth(expired, { type: 'bearer' }).expect(401);
    });

    it('should rehash a password stored with old parameters at the next successful login', async () => {
      const user = await registerActive(url);
      const weak = await hash(user.password, {
        algorithm: Algorithm.Argon2id,
        memoryCost: 8192,
        timeCost: 1,
        parallelism: 1,
      });
      await harness.data.query('UPDATE users SET password_hash = ? WHERE id = ?', [weak, user.userId]);
      await login(url, user);
      const rows: { password_hash: string }[] = await harness.data.query(
        'SELECT password_hash FROM users WHERE id = ?',
        [user.userId],
      );
      expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      await login(url, user);
    });
  });

  describe('password reset and change', () => {
    it('should answer a reset request identically for unknown accounts, reset by code, end every session and publish it', async () => {
      const user = await registerActive(url);
      const session = await login(url, user);
      const unknown = await request(url)
        .post('/api/accounts/password-resets')
        .send({ login: randomPhone() })
        .expect(202);
      const known = await request(url)
        .post('/api/accounts/password-resets')
        .send({ login: user.login })
        .expect(202);
      expect(known.body).toEqual(unknown.body);
      await request(url).post('/api/accounts/password-resets').send({ login: user.login }).expect(202);
      const code = await latestCode(url, `+86${user.login}`);

      const weak = await request(url)
        .post('/api/accounts/password-resets/confirm')
        .send({ login: user.login, code, newPassword: 'password' })
        .expect(400);
      expect((weak.body as ErrorBody).code).toBe('ACCOUNT.WEAK_PASSWORD');
      const wrong = code === '000000' ? '111111' : '000000';
      await request(url)
        .post('/api/accounts/password-resets/confirm')
        .send({ login: user.login, code: wrong, newPassword: 'Another-Strong-Pass-7' })
        .expect(400);
      await request(url)
        .post('/api/accounts/password-resets/confirm')
        .send({ login: user.login, code, newPassword: 'Another-Strong-Pass-7' })
        .expect(204);
      const reused = await request(url)
        .post('/api/accounts/password-resets/confirm')
        .send({ login: user.login, code, newPassword: 'Another-Strong-Pass-8' })
        .expect(400);
      expect((reused.body as ErrorBody).code).toBe('VERIFICATION.CODE_REJECTED');

      await request(url).post('/api/accounts/auth/refresh').set('cookie', session.refreshCookie).expect(401);
      await request(url)
        .post('/api/accounts/auth/login')
        .set('x-forwarded-for', freshIp())
        .send({ login: user.login, password: user.password })
        .expect(401);
      await login(url, { login: user.login, password: 'Another-Strong-Pass-7' });
      const changed = await outboxPayloads('accounts.password.changed', user.userId);
      expect(changed.map((e) => e.method)).toEqual(['reset_by_code']);
    });

    it('should change the password only with the current one', async () => {
      const user = await registerActive(url, 'email');
      const session = await login(url, user);
      const denied = await request(url)
        .post('/api/accounts/me/password')
        .auth(session.accessToken, { type: 'bearer' })
        .send({ currentPassword: 'not-it-at-all', newPassword: 'Brand-New-Password-5' })
        .expect(400);
      expect((denied.body as ErrorBody).details?.[0]?.field).toBe('currentPassword');
      await request(url)
        .post('/api/accounts/me/password')
        .auth(session.accessToken, { type: 'bearer' })
        .send({ currentPassword: user.password, newPassword: 'Brand-New-Password-5' })
        .expect(204);
      await login(url, { login: user.login, password: 'Brand-New-Password-5' });
      await request(url)
        .post('/api/accounts/me/password')
        .send({ currentPassword: 'x', newPassword: 'y' })
        .expect(401);
    });
  });

  describe('brute-force protection', () => {
    /** The answer minus its per-request correlation id, so denials can be compared for being identical. */
    async function attempt(
      loginId: string,
      password: string,
      ip: string,
    ): Promise<{ status: number; body: Omit<ErrorBody, 'correlationId'> }> {
      const response = await request(url)
        .post('/api/accounts/auth/login')
        .set('x-forwarded-for', ip)
        .send({ login: loginId, password });
      const { correlationId: _ignored, ...body } = response.body as ErrorBody;
      return { status: response.status, body };
    }

    it('should answer unknown account, wrong password and locked account identically, and lock after repeated failures', async () => {
      const user = await registerActive(url);
      const unknown = await attempt(randomPhone(), STRONG_PASSWORD, freshIp());
      const wrong = await attempt(user.login, 'Wrong-Password-123', freshIp());
      expect(wrong).toEqual(unknown);
      expect(unknown.status).toBe(401);
      expect(unknown.body.code).toBe('AUTH.INVALID_CREDENTIALS');
      for (let i = 0; i < 4; i += 1) await attempt(user.login, `Wrong-Password-${i}`, freshIp());
      const locked = await attempt(user.login, user.password, freshIp());
      expect(locked).toEqual(unknown);

      const events = await outboxPayloads('accounts.login.attempted', user.userId);
      expect(events.map((e) => e.outcome)).toEqual([
        'failure',
        'failure',
        'failure',
        'failure',
        'locked',
        'locked',
      ]);
      expect(events.map((e) => e.reason).slice(-2)).toEqual([
        'wrong_password_lock_started',
        'account_locked',
      ]);
      for (const event of events) {
        expect(JSON.stringify(event)).not.toContain(user.login);
        expect(JSON.stringify(event)).not.toContain('Wrong-Password');
      }

      shiftClock(16 * 60_000);
      try {
        await login(url, user);
      } finally {
        jest.restoreAllMocks();
      }
    });

    it('should throttle one IP that fails against many accounts with 429, keeping no readable IP', async () => {
      const ip = freshIp();
      // Past LOGIN_IP_FAILURES_PER_MINUTE (10) a right password needs a code; past the block limit (20) all get 429.
      for (let i = 0; i < 20; i += 1)
        expect((await attempt(randomPhone(), STRONG_PASSWORD, ip)).status).toBe(401);
      const throttled = await attempt(randomPhone(), STRONG_PASSWORD, ip);
      const otherIp = await attempt(randomPhone(), STRONG_PASSWORD, freshIp());

      expect(throttled.status).toBe(429);
      expect(throttled.body.code).toBe('AUTH.TOO_MANY_ATTEMPTS');
      expect(otherIp.status).toBe(401);
      const stored: { ip_digest: string }[] = await harness.data.query(
        'SELECT ip_digest FROM login_ip_failures',
      );
      expect(stored.length).toBeGreaterThan(0);
      expect(JSON.stringify(stored)).not.toContain(ip);
    });

    it('should publish login attempts to Kafka without password or phone', async () => {
      const user = await registerActive(url);
      const received = await harness.probe.collect(harness.names.physical('accounts.login.attempted'));
      await attempt(user.login, 'Not-The-Password-1', '192.0.2.10');
      await expectEventually(
        () => {
          const mine = received
            .filter((m) => m.key === user.userId)
            .map((m) => JSON.parse(m.value ?? '{}') as { payload: Record<string, unknown> });
          expect(mine.map((m) => m.payload.outcome)).toContain('failure');
          const failure = mine.find((m) => m.payload.outcome === 'failure');
          expect(failure?.payload).toMatchObject({
            userId: user.userId,
            reason: 'wrong_password',
            ip: '192.0.2.10',
          });
          expect(JSON.stringify(mine)).not.toContain('Not-The-Password-1');
          expect(JSON.stringify(mine)).not.toContain(user.login);
        },
        { timeoutMs: 30_000 },
      );
    });
  });
});
