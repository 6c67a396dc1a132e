import request from 'supertest';

import { type AccountsHarness, startAccounts } from './accounts-harness';
import { randomEmail, randomPhone, STRONG_PASSWORD } from './factories';

interface Mailbox {
  readonly messages: { readonly to: string; readonly text: string }[];
}

/** The development mailbox finds a recipient's messages however the developer writes the address. */
describe('development mailbox lookup (e2e)', () => {
  let harness: AccountsHarness;
  let url: string;

  beforeAll(async () => {
    harness = await startAccounts();
    url = harness.service.url;
  });

  afterAll(async () => {
    await harness.close();
  });

  async function mailbox(query: string): Promise<Mailbox> {
    const response = await request(url).get(`/api/accounts/dev/mailbox?${query}`).expect(200);
    return response.body as Mailbox;
  }

  it('should find a registration code sent by text message under every form of the number', async () => {
    const phone = randomPhone();
    await request(url)
      .post('/api/accounts/registrations')
      .send({ phone, password: STRONG_PASSWORD, nickname: 'mailbox' })
      .expect(202);
    const spaced = `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
    const dashed = `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
    const forms = [
      `to=${phone}`,
      `to=${encodeURIComponent(`+86${phone}`)}`,
      `to=${encodeURIComponent(spaced)}`,
      `to=${dashed}`,
      // A '+' left unencoded arrives as a space.
      `to=+86${phone}`,
    ];
    for (const form of forms) {
      const { messages } = await mailbox(form);
      expect({ form, count: messages.length }).toEqual({ form, count: 1 });
      expect(messages[0]?.to).toBe(`+86${phone.slice(0, 3)}****${phone.slice(7)}`);
      expect(messages[0]?.text).toMatch(/\d{6}/);
    }
    expect((await mailbox('to=13000000000')).messages).toEqual([]);
  });

  it('should find an email recipient case-insensitively', async () => {
    const email = randomEmail();
    await request(url)
      .post('/api/accounts/registrations')
      .send({ email: email.toUpperCase(), password: STRONG_PASSWORD, nickname: 'mailbox' })
      .expect(202);
    for (const form of [email, email.toUpperCase(), ` ${email.replace('user', 'User')} `]) {
      const { messages } = await mailbox(`to=${encodeURIComponent(form)}`);
      expect({ form, count: messages.length }).toEqual({ form, count: 1 });
    }
  });
});
