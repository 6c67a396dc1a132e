import type { ErrorBody } from '@exam/platform';
import { Clock } from '@exam/platform';
import request from 'supertest';

import { type AccountsHarness, startAccounts } from './accounts-harness';
import { freshIp, latestCode, randomEmail, randomPhone, registerActive, STRONG_PASSWORD } from './factories';

/** #12 items 5, 6, 7: one-time code limits, a password-reset confirm that tells nothing, registrations never overwritten. */
describe('accounts: one-time code limits, reset confirm and pending registrations', () => {
  let harness: AccountsHarness;
  let url: string;
  let offsetMs = 0;

  beforeAll(async () => {
    harness = await startAccounts({ CODE_IP_REQUESTS_PER_DAY: '6', CODE_IP_WRONG_PER_DAY: '8' });
    url = harness.service.url;
    const clock = harness.service.app.get(Clock);
    const real = Date.now;
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(real() + offsetMs));
  }, 120_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await harness.close();
  });

  /** Time moves on for the service only (code expiry, cooldowns, day windows). */
  function advance(seconds: number): void {
    offsetMs += seconds * 1000;
  }

  async function startRegistration(
    contact: { phone: string } | { email: string },
    password = STRONG_PASSWORD,
    ip = freshIp(),
  ): Promise<string> {
    const started = await request(url)
      .post('/api/accounts/registrations')
      .set('x-forwarded-for', ip)
      .send({ ...contact, password, nickname: 'n' });
    // The body too, so a refusal says which one.
    expect({ status: started.status, body: started.body as unknown }).toMatchObject({ status: 202 });
    return (started.body as { registrationId: string }).registrationId;
  }

  function verify(id: string, code: string, ip = freshIp()): request.Test {
    return request(url)
      .post(`/api/accounts/registrations/${id}/verify`)
      .set('x-forwarded-for', ip)
      .send({ code });
  }

  function resend(id: string, ip = freshIp()): request.Test {
    return request(url).post(`/api/accounts/registrations/${id}/code`).set('x-forwarded-for', ip);
  }

  describe('item 5: re-issuing a code', () => {
    it('should keep counting wrong guesses across new codes and stop the account for the day', async () => {
      const email = randomEmail();
      const id = await startRegistration({ email });
      const wrongFor = (code: string): string => (code === '000000' ? '111111' : '000000');
      let code = await latestCode(url, email);
      for (let i = 0; i < 5; i += 1) await verify(id, wrongFor(code));
      await verify(id, code).expect(429);
      advance(61);
      await resend(id).expect(202);
      code = await latestCode(url, email);
      for (let i = 0; i < 4; i += 1) {
        const wrong = await verify(id, wrongFor(code)).expect(400);
        expect((wrong.body as ErrorBody).message).toContain(`${4 - i} attempt(s) left`);
      }
      const last = await verify(id, wrongFor(code)).expect(429);
      expect((last.body as ErrorBody).code).toBe('VERIFICATION.TOO_MANY_ATTEMPTS');
      // Ten wrong guesses today: neither the right code nor a new one works until the day is over.
      await verify(id, code).expect(429);
      advance(3600);
      const refused = await resend(id).expect(429);
      expect((refused.body as ErrorBody).code).toBe('VERIFICATION.DAILY_LIMIT');
      advance(86_400);
      await resend(id).expect(202);
      await verify(id, await latestCode(url, email)).expect(200);
    });

    it('should double the wait between codes sent to one account', async () => {
      const email = randomEmail();
      const id = await startRegistration({ email });
      expect((await resend(id).expect(429)).body as ErrorBody).toMatchObject({
        code: 'VERIFICATION.RESEND_TOO_SOON',
      });
      advance(61);
      await resend(id).expect(202);
      advance(61);
      const second = await resend(id).expect(429);
      expect((second.body as ErrorBody).message).toMatch(/in (59|60) s/);
      advance(60);
      await resend(id).expect(202);
      advance(121);
      await resend(id).expect(429);
      advance(120);
      await resend(id).expect(202);
    });

    it('should cap the codes one IP asks for, and its wrong guesses, across accounts', async () => {
      const ip = freshIp();
      for (let i = 0; i < 6; i += 1) await startRegistration({ email: randomEmail() }, STRONG_PASSWORD, ip);
      const flooded = await request(url)
        .post('/api/accounts/password-resets')
        .set('x-forwarded-for', ip)
        .send({ login: randomPhone() })
        .expect(429);
      expect((flooded.body as ErrorBody).code).toBe('VERIFICATION.IP_LIMIT');
      await startRegistration({ email: randomEmail() }, STRONG_PASSWORD, freshIp());

      const guesser = freshIp();
      const ids = await Promise.all([0, 1].map(() => startRegistration({ email: randomEmail() })));
      for (let i = 0; i < 8; i += 1) await verify(ids[i % 2] ?? '', '000001', guesser);
      const blocked = await verify(ids[0] ?? '', '000001', guesser).expect(429);
      expect((blocked.body as ErrorBody).code).toBe('VERIFICATION.IP_LIMIT');
    });
  });

  describe('item 6: password-reset confirm', () => {
    /** The error body without its per-request correlation id. */
    function answer(response: request.Response): Record<string, unknown> {
      const { correlationId, ...rest } = response.body as Record<string, unknown>;
      expect(typeof correlationId).toBe('string');
      return rest;
    }

    function confirm(body: Record<string, string>): request.Test {
      return request(url)
        .post('/api/accounts/password-resets/confirm')
        .set('x-forwarded-for', freshIp())
        .send(body);
    }

    it('should answer an unknown account and a wrong code alike, before any password rule', async () => {
      const user = await registerActive(url);
      await request(url).post('/api/accounts/password-resets').send({ login: user.login }).expect(202);
      const code = await latestCode(url, `+86${user.login}`);
      const wrong = code === '000000' ? '111111' : '000000';
      // A password made of the phone number would say "do not use your phone number" if the policy ran first.
      const probe = `Pw-${user.login}-x`;
      const known = await confirm({ login: user.login, code: wrong, newPassword: probe }).expect(400);
      const unknown = await confirm({ login: randomPhone(), code: wrong, newPassword: probe }).expect(400);
      const noCode = await confirm({
        login: randomEmail(),
        code,
        newPassword: 'Another-Strong-Pass-7',
      }).expect(400);
      expect(answer(known)).toEqual(answer(unknown));
      expect(answer(noCode)).toEqual(answer(unknown));
      expect((known.body as ErrorBody).code).toBe('VERIFICATION.CODE_REJECTED');
      expect(JSON.stringify(known.body)).not.toMatch(/phone|attempt/);

      // The right code reaches the policy; the code stays usable after a refused password.
      const weak = await confirm({ login: user.login, code, newPassword: probe }).expect(400);
      expect((weak.body as ErrorBody).code).toBe('ACCOUNT.WEAK_PASSWORD');
      await confirm({ login: user.login, code, newPassword: 'Another-Strong-Pass-7' }).expect(204);
      const used = await confirm({ login: user.login, code, newPassword: 'Another-Strong-Pass-8' }).expect(
        400,
      );
      expect(answer(used)).toEqual(answer(unknown));
    });

    it('should stop guessing after the attempts of the code with the same answer', async () => {
      const user = await registerActive(url);
      await request(url).post('/api/accounts/password-resets').send({ login: user.login }).expect(202);
      const code = await latestCode(url, `+86${user.login}`);
      const wrong = code === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i += 1) {
        await confirm({ login: user.login, code: wrong, newPassword: 'Another-Strong-Pass-7' }).expect(400);
      }
      const late = await confirm({ login: user.login, code, newPassword: 'Another-Strong-Pass-7' }).expect(
        400,
      );
      expect((late.body as ErrorBody).code).toBe('VERIFICATION.CODE_REJECTED');
      await request(url)
        .post('/api/accounts/auth/login')
        .set('x-forwarded-for', freshIp())
        .send({ login: user.login, password: user.password })
        .expect(200);
    });
  });

  describe('item 7: pending registrations', () => {
    it('should never let a second registration for a pending phone set the password the owner activates', async () => {
      const phone = randomPhone();
      const victimId = await startRegistration({ phone }, STRONG_PASSWORD);
      const before: { password_hash: string }[] = await harness.data.query(
        'SELECT password_hash FROM users WHERE id = ?',
        [victimId],
      );
      advance(61);
      const attackerId = await startRegistration({ phone }, 'Attacker-Chosen-Pass-1');
      expect(attackerId).not.toBe(victimId);
      // The code that reaches the owner's phone never activates the victim's id with the attacker's password.
      const code = await latestCode(url, `+86${phone}`);
      await verify(victimId, code).expect(404);
      const rows: { id: string; password_hash: string }[] = await harness.data.query(
        "SELECT id, password_hash FROM users WHERE status = 'pending' AND id IN (?, ?)",
        [victimId, attackerId],
      );
      expect(rows.map((r) => r.id)).toEqual([attackerId]);
      expect(rows[0]?.password_hash).not.toBe(before[0]?.password_hash);

      // The owner starts again; only their own id and their own password come out active.
      advance(121);
      const ownId = await startRegistration({ phone }, STRONG_PASSWORD);
      await verify(attackerId, await latestCode(url, `+86${phone}`)).expect(404);
      advance(241);
      await resend(ownId).expect(202);
      await verify(ownId, await latestCode(url, `+86${phone}`)).expect(200);
      await request(url)
        .post('/api/accounts/auth/login')
        .set('x-forwarded-for', freshIp())
        .send({ login: phone, password: 'Attacker-Chosen-Pass-1' })
        .expect(401);
      await request(url)
        .post('/api/accounts/auth/login')
        .set('x-forwarded-for', freshIp())
        .send({ login: phone, password: STRONG_PASSWORD })
        .expect(200);
    });

    it('should keep the resend cooldown when a registration is started over', async () => {
      const email = randomEmail();
      await startRegistration({ email });
      const again = await request(url)
        .post('/api/accounts/registrations')
        .set('x-forwarded-for', freshIp())
        .send({ email, password: 'Other-Strong-Pass-5', nickname: 'n' })
        .expect(429);
      expect((again.body as ErrorBody).code).toBe('VERIFICATION.RESEND_TOO_SOON');
    });

    it('should answer a taken contact like a new one and tell its owner instead of sending a code', async () => {
      const owner = await registerActive(url, 'email');
      const fresh = await request(url)
        .post('/api/accounts/registrations')
        .set('x-forwarded-for', freshIp())
        .send({ email: randomEmail(), password: 'Other-Strong-Pass-5', nickname: 'n' })
        .expect(202);
      const taken = await request(url)
        .post('/api/accounts/registrations')
        .set('x-forwarded-for', freshIp())
        .send({ email: owner.login, password: 'Other-Strong-Pass-5', nickname: 'n' })
        .expect(202);
      expect(Object.keys(taken.body as object).sort()).toEqual(Object.keys(fresh.body as object).sort());
      expect((taken.body as { channel: string }).channel).toBe('email');
      const mailbox = await request(url)
        .get('/api/accounts/dev/mailbox')
        .query({ to: owner.login })
        .expect(200);
      const latest = (mailbox.body as { messages: { text: string }[] }).messages[0]?.text ?? '';
      expect(latest).toContain('already has an account');
      expect(latest).not.toMatch(/\d{6}/);
      const id = (taken.body as { registrationId: string }).registrationId;
      await verify(id, '123456').expect(404);
      await request(url)
        .post('/api/accounts/auth/login')
        .set('x-forwarded-for', freshIp())
        .send({ login: owner.login, password: 'Other-Strong-Pass-5' })
        .expect(401);
    });
  });
});
