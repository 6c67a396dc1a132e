import type { ErrorBody } from '@exam/platform';
import { Clock } from '@exam/platform';
import { decode } from 'jsonwebtoken';
import request from 'supertest';

import { type AccountsHarness, startAccounts } from './accounts-harness';
import { cookieFrom, freshIp, login, randomPhone, refreshed, registerActive } from './factories';

const authTimeOf = (token: string): number => (decode(token) as { auth_time: number }).auth_time;

/** #12 item 2: `auth_time` in every access token, kept through refresh, renewed only by the password. */
describe('accounts: auth_time and re-authentication', () => {
  let harness: AccountsHarness;
  let url: string;
  let offsetMs = 0;

  beforeAll(async () => {
    harness = await startAccounts();
    url = harness.service.url;
    const clock = harness.service.app.get(Clock);
    const real = Date.now;
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(real() + offsetMs));
  }, 120_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await harness.close();
  });

  function reauthenticate(accessToken: string, password: string): request.Test {
    return request(url)
      .post('/api/accounts/auth/reauthenticate')
      .set('authorization', `Bearer ${accessToken}`)
      .set('x-forwarded-for', freshIp())
      .send({ password });
  }

  it('should carry the sign-in time through refreshes unchanged', async () => {
    const user = await registerActive(url);
    const before = Math.floor(Date.now() / 1000);
    const session = await login(url, user);
    const signedInAt = authTimeOf(session.accessToken);
    expect(Math.abs(signedInAt - before)).toBeLessThanOrEqual(2);
    offsetMs = 20 * 60_000;
    try {
      const later = await refreshed(url, session);
      const again = await refreshed(url, later);
      expect(authTimeOf(later.accessToken)).toBe(signedInAt);
      expect(authTimeOf(again.accessToken)).toBe(signedInAt);
    } finally {
      offsetMs = 0;
    }
  });

  it('should renew auth_time only with the right password, in a new session that replaces this one', async () => {
    const user = await registerActive(url);
    offsetMs = -20 * 60_000;
    const old = await login(url, user);
    offsetMs = 0;
    const session = await refreshed(url, old);
    expect(Date.now() / 1000 - authTimeOf(session.accessToken)).toBeGreaterThan(19 * 60);

    const wrong = await reauthenticate(session.accessToken, 'Not-The-Password-1').expect(400);
    expect((wrong.body as ErrorBody).code).toBe('ACCOUNT.CURRENT_PASSWORD_WRONG');
    expect((wrong.body as ErrorBody).details?.[0]?.field).toBe('password');

    const renewed = await reauthenticate(session.accessToken, user.password).expect(200);
    const body = renewed.body as { accessToken: string; sessionId: string };
    expect(Math.abs(authTimeOf(body.accessToken) - Date.now() / 1000)).toBeLessThanOrEqual(2);
    expect(body.sessionId).not.toBe(session.sessionId);
    await request(url).post('/api/accounts/auth/refresh').set('cookie', session.refreshCookie).expect(401);
    const next = await refreshed(url, {
      ...session,
      accessToken: body.accessToken,
      refreshCookie: cookieFrom(renewed.headers['set-cookie'], 'exam_refresh'),
    });
    expect(authTimeOf(next.accessToken)).toBe(authTimeOf(body.accessToken));
    // The ended session cannot re-authenticate again with its still-unexpired access token.
    const ended = await reauthenticate(session.accessToken, user.password).expect(401);
    expect((ended.body as ErrorBody).code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('should refuse re-authentication without a token, and a malformed body, naming the field', async () => {
    await request(url).post('/api/accounts/auth/reauthenticate').send({ password: 'x' }).expect(401);
    const user = await registerActive(url);
    const session = await login(url, user);
    const response = await request(url)
      .post('/api/accounts/auth/reauthenticate')
      .set('authorization', `Bearer ${session.accessToken}`)
      .send({ password: '', extra: 1 })
      .expect(400);
    expect(new Set((response.body as ErrorBody).details?.map((d) => d.field))).toEqual(
      new Set(['password', 'extra']),
    );
  });

  it('should lock re-authentication like sign-in after repeated wrong passwords', async () => {
    const user = await registerActive(url);
    const session = await login(url, user);
    for (let i = 0; i < 5; i += 1)
      await reauthenticate(session.accessToken, `Wrong-Password-${i}x`).expect(400);
    const locked = await reauthenticate(session.accessToken, user.password).expect(429);
    expect((locked.body as ErrorBody).code).toBe('AUTH.TOO_MANY_ATTEMPTS');
  });

  it('should refuse a password or contact change with an old sign-in, even with the current password', async () => {
    const user = await registerActive(url);
    offsetMs = -20 * 60_000;
    const old = await login(url, user);
    offsetMs = 0;
    const session = await refreshed(url, old);
    const password = await request(url)
      .post('/api/accounts/me/password')
      .auth(session.accessToken, { type: 'bearer' })
      .send({ currentPassword: user.password, newPassword: 'Another-Strong-Pass-7' })
      .expect(403);
    expect((password.body as ErrorBody).code).toBe('AUTH.RECENT_AUTHENTICATION_REQUIRED');
    const contact = await request(url)
      .post('/api/accounts/me/contact-changes')
      .auth(session.accessToken, { type: 'bearer' })
      .send({ phone: randomPhone(), currentPassword: user.password })
      .expect(403);
    expect((contact.body as ErrorBody).code).toBe('AUTH.RECENT_AUTHENTICATION_REQUIRED');

    const renewed = await reauthenticate(session.accessToken, user.password).expect(200);
    await request(url)
      .post('/api/accounts/me/password')
      .auth((renewed.body as { accessToken: string }).accessToken, { type: 'bearer' })
      .send({ currentPassword: user.password, newPassword: 'Another-Strong-Pass-7' })
      .expect(204);
  });
});
