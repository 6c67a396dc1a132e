import { expectEventually } from '@exam/testing';
import request from 'supertest';

import { type AccountsHarness, startAccounts } from './accounts-harness';
import { freshIp, latestCode, login, randomPhone, registerActive } from './factories';

/** #12 item 2: a committed password or contact change is told to the account's proven contacts. */
describe('accounts: security notices to proven contacts', () => {
  let harness: AccountsHarness;
  let url: string;

  beforeAll(async () => {
    harness = await startAccounts();
    url = harness.service.url;
  }, 120_000);

  afterAll(async () => {
    await harness.close();
  });

  async function mailbox(to: string): Promise<string[]> {
    const response = await request(url).get('/api/accounts/dev/mailbox').query({ to }).expect(200);
    return (response.body as { messages: { text: string }[] }).messages.map((m) => m.text);
  }

  it('should tell the proven phone that the password was reset', async () => {
    const user = await registerActive(url);
    await request(url).post('/api/accounts/password-resets').send({ login: user.login }).expect(202);
    const code = await latestCode(url, `+86${user.login}`);
    await request(url)
      .post('/api/accounts/password-resets/confirm')
      .set('x-forwarded-for', freshIp())
      .send({ login: user.login, code, newPassword: 'Another-Strong-Pass-7' })
      .expect(204);

    await expectEventually(async () => {
      expect((await mailbox(`+86${user.login}`)).join('\n')).toContain(
        'password of your exam platform account was reset',
      );
    });
  });

  it('should tell the replaced phone and the new one that the phone changed', async () => {
    const user = await registerActive(url);
    const session = await login(url, user);
    const newPhone = randomPhone();
    await request(url)
      .post('/api/accounts/me/contact-changes')
      .auth(session.accessToken, { type: 'bearer' })
      .send({ phone: newPhone, currentPassword: user.password })
      .expect(202);
    const code = await latestCode(url, `+86${newPhone}`);
    await request(url)
      .post('/api/accounts/me/contact-changes/confirm')
      .auth(session.accessToken, { type: 'bearer' })
      .send({ code })
      .expect(200);

    const toOld = await mailbox(`+86${user.login}`);
    expect(toOld[0]).toContain('phone number of your exam platform account was changed');
    expect(toOld[0]).not.toContain(newPhone);
    await expectEventually(async () => {
      expect((await mailbox(`+86${newPhone}`)).join('\n')).toContain(
        'phone number of your exam platform account was changed',
      );
    });
  });
});
