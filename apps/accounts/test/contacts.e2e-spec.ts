import type { ErrorBody } from '@exam/platform';
import { Clock } from '@exam/platform';
import request from 'supertest';

import { ContactChangesService } from '../src/contacts/contact-changes.service';
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

describe(ContactChangesService.name, () => {
  let harness: AccountsHarness;
  let url: string;

  beforeAll(async () => {
    harness = await startAccounts();
    url = harness.service.url;
  }, 120_000);

  afterEach(() => {
    jest.restoreAllMocks();
  });

  afterAll(async () => {
    await harness.close();
  });

  async function contactEvents(userId: string): Promise<string[]> {
    const rows: { envelope: string }[] = await harness.data.query(
      "SELECT envelope FROM outbox_events WHERE topic = 'accounts.contact.changed' AND JSON_VALUE(envelope, '$.subjectId') = ? ORDER BY seq",
      [userId],
    );
    return rows.map((r) => r.envelope);
  }

  function shiftClock(ms: number): void {
    const clock = harness.service.app.get(Clock);
    const real = Date.now;
    jest.spyOn(clock, 'now').mockImplementation(() => new Date(real() + ms));
  }

  function startChange(token: string, body: Record<string, unknown>): request.Test {
    return request(url).post('/api/accounts/me/contact-changes').auth(token, { type: 'bearer' }).send(body);
  }

  function confirmChange(token: string, code: string): request.Test {
    return request(url)
      .post('/api/accounts/me/contact-changes/confirm')
      .auth(token, { type: 'bearer' })
      .send({ code });
  }

  function otherThan(code: string): string {
    return code === '000000' ? '111111' : '000000';
  }

  it('should change the phone with a code sent to the new number, end the other sessions and publish it masked', async () => {
    const user = await registerActive(url, 'phone');
    const here = await login(url, user);
    const elsewhere = await login(url, user);
    const newPhone = randomPhone();

    const started = await startChange(here.accessToken, {
      phone: newPhone,
      currentPassword: user.password,
    }).expect(202);
    const startedBody = started.body as {
      kind: string;
      channel: string;
      phone: string;
      codeExpiresInSeconds: number;
    };
    expect(startedBody).toMatchObject({ kind: 'phone', channel: 'sms', codeExpiresInSeconds: 600 });
    expect(startedBody.phone).not.toContain(newPhone);
    const code = await latestCode(url, `+86${newPhone}`);

    const confirmed = await confirmChange(here.accessToken, code).expect(200);
    expect(confirmed.body).toMatchObject({ kind: 'phone', endedSessions: 1 });
    expect((confirmed.body as { phone: string }).phone).not.toContain(newPhone);

    await request(url).post('/api/accounts/auth/refresh').set('cookie', elsewhere.refreshCookie).expect(401);
    await request(url).post('/api/accounts/auth/refresh').set('cookie', here.refreshCookie).expect(200);
    await request(url)
      .post('/api/accounts/auth/login')
      .set('x-forwarded-for', freshIp())
      .send({ login: user.login, password: user.password })
      .expect(401);
    await login(url, { login: newPhone, password: user.password });
    const revoked: { envelope: string }[] = await harness.data.query(
      "SELECT envelope FROM outbox_events WHERE topic = 'accounts.session.revoked' AND JSON_VALUE(envelope, '$.payload.reason') = 'contact_changed' AND JSON_VALUE(envelope, '$.subjectId') = ?",
      [user.userId],
    );
    expect(revoked).toHaveLength(1);

    const events = await contactEvents(user.userId);
    expect(events).toHaveLength(1);
    const envelope = events[0] ?? '';
    expect(envelope).not.toContain(newPhone.slice(3));
    expect(envelope).not.toContain(user.login.slice(3));
    const payload = (JSON.parse(envelope) as { payload: Record<string, unknown> }).payload;
    expect(Object.keys(payload).sort()).toEqual(['changedAt', 'kind', 'maskedNewValue', 'userId']);
    expect(payload).toMatchObject({ userId: user.userId, kind: 'phone' });
    expect(payload.maskedNewValue).toMatch(new RegExp(`${newPhone.slice(-4)}$`));
    expect(payload.maskedNewValue).toContain('*');
  });

  it('should change the email with a code sent to the new address and let the user sign in with it', async () => {
    const user = await registerActive(url, 'email');
    const here = await login(url, user);
    const newEmail = randomEmail();
    const started = await startChange(here.accessToken, {
      email: newEmail.toUpperCase(),
      currentPassword: user.password,
    }).expect(202);
    expect(started.body).toMatchObject({ kind: 'email', channel: 'email' });
    expect((started.body as { email: string }).email).not.toBe(newEmail);
    const code = await latestCode(url, newEmail);
    const confirmed = await confirmChange(here.accessToken, code).expect(200);
    expect(confirmed.body).toMatchObject({ kind: 'email', endedSessions: 0 });
    await login(url, { login: newEmail, password: user.password });
    await request(url)
      .post('/api/accounts/auth/login')
      .set('x-forwarded-for', freshIp())
      .send({ login: user.login, password: user.password })
      .expect(401);
    const events = await contactEvents(user.userId);
    expect(events).toHaveLength(1);
    expect(events[0]).not.toContain(newEmail);
    expect((JSON.parse(events[0] ?? '{}') as { payload: { kind: string } }).payload.kind).toBe('email');
  });

  it('should refuse a wrong code, count it and keep the old contact', async () => {
    const user = await registerActive(url, 'phone');
    const here = await login(url, user);
    const newPhone = randomPhone();
    await startChange(here.accessToken, { phone: newPhone, currentPassword: user.password }).expect(202);
    const code = await latestCode(url, `+86${newPhone}`);
    const wrong = await confirmChange(here.accessToken, otherThan(code)).expect(400);
    expect((wrong.body as ErrorBody).code).toBe('VERIFICATION.CODE_WRONG');
    expect((wrong.body as ErrorBody).details?.[0]?.field).toBe('code');
    const attempts: { attempts: number }[] = await harness.data.query(
      "SELECT attempts FROM verification_codes WHERE user_id = ? AND purpose = 'contact_change'",
      [user.userId],
    );
    expect(attempts[0]?.attempts).toBe(1);
    await login(url, user);
    expect(await contactEvents(user.userId)).toHaveLength(0);
    await confirmChange(here.accessToken, code).expect(200);
  });

  it('should refuse an expired code and a resend within the cooldown', async () => {
    const user = await registerActive(url, 'phone');
    const here = await login(url, user);
    const newPhone = randomPhone();
    await startChange(here.accessToken, { phone: newPhone, currentPassword: user.password }).expect(202);
    const again = await startChange(here.accessToken, {
      phone: newPhone,
      currentPassword: user.password,
    }).expect(429);
    expect((again.body as ErrorBody).code).toBe('VERIFICATION.RESEND_TOO_SOON');
    const code = await latestCode(url, `+86${newPhone}`);
    shiftClock(11 * 60_000);
    const expired = await confirmChange(here.accessToken, code).expect(410);
    expect((expired.body as ErrorBody).code).toBe('VERIFICATION.CODE_EXPIRED');
    jest.restoreAllMocks();
    await login(url, user);
  });

  it('should answer 409 for a contact another account holds, at the request and at confirmation', async () => {
    const user = await registerActive(url, 'phone');
    const other = await registerActive(url, 'phone');
    const here = await login(url, user);
    const taken = await startChange(here.accessToken, {
      phone: other.login,
      currentPassword: user.password,
    }).expect(409);
    expect((taken.body as ErrorBody).code).toBe('ACCOUNT.CONTACT_TAKEN');
    expect((taken.body as ErrorBody).details?.[0]?.field).toBe('phone');

    const contested = randomEmail();
    await startChange(here.accessToken, { email: contested, currentPassword: user.password }).expect(202);
    const code = await latestCode(url, contested);
    await request(url)
      .post('/api/accounts/registrations')
      .send({ email: contested, password: STRONG_PASSWORD, nickname: 'late' })
      .expect(202);
    const raced = await confirmChange(here.accessToken, code).expect(409);
    expect((raced.body as ErrorBody).details?.[0]?.field).toBe('email');
    expect(await contactEvents(user.userId)).toHaveLength(0);
  });

  it('should require the current password to start a change', async () => {
    const user = await registerActive(url, 'phone');
    const here = await login(url, user);
    const denied = await startChange(here.accessToken, {
      phone: randomPhone(),
      currentPassword: 'not-my-password',
    }).expect(400);
    expect((denied.body as ErrorBody).code).toBe('ACCOUNT.CURRENT_PASSWORD_WRONG');
    expect((denied.body as ErrorBody).details?.[0]?.field).toBe('currentPassword');
    const none = await confirmChange(here.accessToken, '123456').expect(410);
    expect((none.body as ErrorBody).code).toBe('CONTACT.NO_CHANGE_PENDING');
  });

  it('should refuse both routes without a token', async () => {
    await request(url)
      .post('/api/accounts/me/contact-changes')
      .send({ phone: randomPhone(), currentPassword: STRONG_PASSWORD })
      .expect(401);
    await request(url).post('/api/accounts/me/contact-changes/confirm').send({ code: '123456' }).expect(401);
  });

  it('should answer 400 naming the field for a malformed body', async () => {
    const user = await registerActive(url, 'phone');
    const here = await login(url, user);
    const fields = (response: request.Response): (string | undefined)[] =>
      ((response.body as ErrorBody).details ?? []).map((d) => d.field);

    expect(
      fields(
        await startChange(here.accessToken, { phone: '12345', currentPassword: user.password }).expect(400),
      ),
    ).toContain('phone');
    expect(
      fields(
        await startChange(here.accessToken, { email: 'not-an-email', currentPassword: user.password }).expect(
          400,
        ),
      ),
    ).toContain('email');
    expect(fields(await startChange(here.accessToken, { phone: randomPhone() }).expect(400))).toContain(
      'currentPassword',
    );
    expect(
      fields(await startChange(here.accessToken, { currentPassword: user.password }).expect(400)),
    ).toEqual(expect.arrayContaining(['phone', 'email']));
    expect(
      fields(
        await startChange(here.accessToken, {
          phone: randomPhone(),
          email: randomEmail(),
          currentPassword: user.password,
        }).expect(400),
      ),
    ).toContain('email');
    expect(fields(await confirmChange(here.accessToken, 'abc').expect(400))).toContain('code');
    expect(await contactEvents(user.userId)).toHaveLength(0);
  });
});
