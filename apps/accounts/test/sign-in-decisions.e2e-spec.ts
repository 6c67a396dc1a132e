import { randomUUID } from 'node:crypto';

import request from 'supertest';

import { PasswordHasher } from '../src/credentials/password-hasher';
import { type AccountsHarness, startAccounts } from './accounts-harness';
import { freshIp, latestCode, login, randomPhone, registerActive, STRONG_PASSWORD } from './factories';

interface ErrorBody {
  code: string;
  message: string;
}

/** #12 items 1, 4, 13, 15, 20: the sign-in path's limits and decisions, on the real app, MariaDB and Kafka. */
describe('accounts: sign-in limits and risk decisions (e2e)', () => {
  let harness: AccountsHarness;
  let url: string;
  let hasher: PasswordHasher;

  beforeAll(async () => {
    harness = await startAccounts({
      LOGIN_IP_FAILURES_PER_MINUTE: '10',
      LOGIN_IP_BLOCK_FAILURES_PER_MINUTE: '20',
      LOGIN_PAIR_FAILURES_PER_MINUTE: '10',
      ARGON2_MAX_QUEUED: '1000',
    });
    url = harness.service.url;
    hasher = harness.service.app.get(PasswordHasher);
  }, 120_000);

  afterEach(() => {
    harness.risk.reset();
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await harness.close();
  });

  function signIn(loginId: string, password: string, ip = freshIp()): request.Test {
    return request(url)
      .post('/api/accounts/auth/login')
      .set('x-forwarded-for', ip)
      .send({ login: loginId, password });
  }

  async function outcomes(userId: string): Promise<{ outcome: string; reason?: string }[]> {
    const rows: { envelope: string }[] = await harness.data.query(
      "SELECT envelope FROM outbox_events WHERE topic = 'accounts.login.attempted' AND JSON_VALUE(envelope, '$.subjectId') = ? ORDER BY seq",
      [userId],
    );
    return rows.map(
      (r) => (JSON.parse(r.envelope) as { payload: { outcome: string; reason?: string } }).payload,
    );
  }

  describe('risk decided before any token (item 1)', () => {
    it('should ask audit with a service token and issue the token only on allow', async () => {
      const user = await registerActive(url);
      const response = await signIn(user.login, user.password).expect(200);
      expect((response.body as { accessToken: string }).accessToken).toBeDefined();
      const asked = harness.risk.received.find((r) => r.body.userId === user.userId);
      expect(asked?.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
      const claims = JSON.parse(
        Buffer.from(asked?.authorization?.split('.')[1] ?? '', 'base64url').toString(),
      ) as {
        aud: string;
        sub: string;
      };
      expect({ aud: claims.aud, sub: claims.sub }).toEqual({
        aud: 'exam-platform/internal',
        sub: 'service:accounts',
      });
    });

    it('should give a blocked sign-in no token, lock the account and tell its owner how to get back', async () => {
      const user = await registerActive(url);
      harness.risk.decision = 'block';
      const blocked = await signIn(user.login, user.password).expect(403);
      expect(blocked.body).not.toHaveProperty('accessToken');
      expect(blocked.headers['set-cookie']).toBeUndefined();
      expect((blocked.body as ErrorBody).code).toBe('AUTH.ACCOUNT_LOCKED');
      const notice = await request(url)
        .get('/api/accounts/dev/mailbox')
        .query({ to: `+86${user.login}` })
        .expect(200);
      expect(JSON.stringify(notice.body)).toContain('locked');

      harness.risk.decision = 'allow';
      // Still locked after audit changed its mind: the lock needs the owner (a reset by code) or staff.
      expect((await signIn(user.login, user.password).expect(403)).body).toMatchObject({
        code: 'AUTH.ACCOUNT_LOCKED',
      });
      expect((await outcomes(user.userId)).map((o) => o.reason)).toContain('risk_block');
    });

    it.each([
      ['audit is slow', { delaySeconds: 2 }],
      ['audit fails', { fail: true }],
    ])('should ask for a code, never allow, when %s', async (_case, setting) => {
      const user = await registerActive(url);
      Object.assign(harness.risk, setting);
      const started = Date.now();
      const response = await signIn(user.login, user.password).expect(202);
      expect(Date.now() - started).toBeLessThan(1900);
      expect(response.body).toMatchObject({ verificationRequired: true });
      expect(response.body).not.toHaveProperty('accessToken');
    });

    it('should ask for a code when audit says step-up, and sign in with it', async () => {
      const user = await registerActive(url);
      harness.risk.decision = 'step_up';
      const challenged = await signIn(user.login, user.password).expect(202);
      const code = await latestCode(url, `+86${user.login}`);
      const done = await request(url)
        .post('/api/accounts/auth/step-up')
        .send({ challengeId: (challenged.body as { challengeId: string }).challengeId, code })
        .expect(200);
      expect((done.body as { accessToken: string }).accessToken).toBeDefined();
    });
  });

  describe('locked accounts (item 15)', () => {
    it('should tell a risk-locked owner after the right password only, and unlock after a reset by code', async () => {
      const user = await registerActive(url);
      harness.risk.decision = 'block';
      await signIn(user.login, user.password).expect(403);
      harness.risk.decision = 'allow';

      const wrong = await signIn(user.login, 'Wrong-Password-123').expect(401);
      const unknown = await signIn(randomPhone(), STRONG_PASSWORD).expect(401);
      expect((wrong.body as ErrorBody).message).toBe((unknown.body as ErrorBody).message);
      const right = await signIn(user.login, user.password).expect(403);
      expect((right.body as ErrorBody).message).toMatch(/locked for your protection.*[Rr]eset your password/);

      await request(url).post('/api/accounts/password-resets').send({ login: user.login }).expect(202);
      const code = await latestCode(url, `+86${user.login}`);
      const newPassword = 'Another-Strong-Pass-77';
      await request(url)
        .post('/api/accounts/password-resets/confirm')
        .send({ login: user.login, code, newPassword })
        .expect(204);
      await signIn(user.login, newPassword).expect(200);
    });
  });

  describe('attempts reserved before argon2 (item 4)', () => {
    it('should evaluate no more of 200 parallel wrong guesses on one account than its lock allows', async () => {
      const user = await registerActive(url);
      const checks = jest.spyOn(hasher, 'check');
      const answers = await Promise.all(
        Array.from({ length: 200 }, (_, i) => signIn(user.login, `Wrong-Guess-${i}-xyz`)),
      );
      const statuses = new Set(answers.map((a) => a.status));
      expect([...statuses].every((s) => s === 401 || s === 503)).toBe(true);
      // LOGIN_FAILURE_FACTOR (5) failures start the lock; every later guess is refused before argon2.
      expect(checks.mock.calls.length).toBeLessThanOrEqual(5);
      expect(checks.mock.calls.length).toBeGreaterThan(0);
    });

    it('should let no more of 200 parallel guesses from one address past its limit than the limit', async () => {
      const ip = freshIp();
      const burns = jest.spyOn(hasher, 'burn');
      const answers = await Promise.all(
        Array.from({ length: 200 }, () => signIn(randomPhone(), STRONG_PASSWORD, ip)),
      );
      const tooMany = answers.filter((a) => a.status === 429).length;
      expect(burns.mock.calls.length).toBeLessThanOrEqual(20);
      expect(tooMany).toBeGreaterThanOrEqual(180);
    });
  });

  describe('shared addresses (item 13)', () => {
    it('should refuse one failing pair, challenge the busy address, and leave other addresses alone', async () => {
      const ip = freshIp();
      const victim = await registerActive(url);
      const typo = randomPhone();
      for (let i = 0; i < 10; i += 1) await signIn(typo, STRONG_PASSWORD, ip).expect(401);
      expect((await signIn(typo, STRONG_PASSWORD, ip).expect(429)).body).toMatchObject({
        code: 'AUTH.TOO_MANY_ATTEMPTS',
      });
      // The address has 11 failures (> 10): the next right password from it needs a code, not a 429.
      const challenged = await signIn(victim.login, victim.password, ip).expect(202);
      expect(challenged.body).not.toHaveProperty('accessToken');
      await login(url, victim, freshIp());
    });

    it('should count an IPv6 /64 as one source', async () => {
      const prefix = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`;
      for (let i = 0; i < 20; i += 1)
        await signIn(randomPhone(), STRONG_PASSWORD, `${prefix}::${(i + 1).toString(16)}`).expect(401);
      await signIn(randomPhone(), STRONG_PASSWORD, `${prefix}:ffff::1`).expect(429);
      await signIn(randomPhone(), STRONG_PASSWORD, `2001:db8:ffff:${randomUUID().slice(0, 4)}::1`).expect(
        401,
      );
    });
  });

  describe('current-password re-checks (item 20)', () => {
    it('should count wrong current passwords toward the lock of the account', async () => {
      const user = await registerActive(url);
      const session = await login(url, user);
      for (let i = 0; i < 5; i += 1) {
        await request(url)
          .post('/api/accounts/me/password')
          .set('authorization', `Bearer ${session.accessToken}`)
          .send({ currentPassword: `Wrong-Current-${i}`, newPassword: 'Another-Strong-Pass-77' })
          .expect(400);
      }
      const paused = await request(url)
        .post('/api/accounts/me/password')
        .set('authorization', `Bearer ${session.accessToken}`)
        .send({ currentPassword: user.password, newPassword: 'Another-Strong-Pass-77' })
        .expect(429);
      expect((paused.body as ErrorBody).code).toBe('AUTH.PASSWORD_CHECKS_PAUSED');
      await signIn(user.login, user.password).expect(401);
    });

    it('should not hash a registration that a cheap check refuses', async () => {
      const hashes = jest.spyOn(hasher, 'hash');
      await request(url)
        .post('/api/accounts/registrations')
        .set('x-forwarded-for', freshIp())
        .send({ email: `weak-${Date.now()}@example.com`, password: 'password1', nickname: 'weak' })
        .expect(400);
      expect(hashes).not.toHaveBeenCalled();
      hashes.mockRestore();
    });
  });
});
