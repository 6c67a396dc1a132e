import type { ErrorBody } from '@exam/platform';
import { issueTestToken } from '@exam/testing';
import request from 'supertest';

import { type AccountsHarness, startAccounts } from './accounts-harness';
import { randomEmail, STRONG_PASSWORD } from './factories';

/** #12 item 14: names are shown to staff and other users, so they must be plain, visible text. */
describe('accounts: names and nicknames must be plain text', () => {
  let harness: AccountsHarness;
  let url: string;

  beforeAll(async () => {
    harness = await startAccounts();
    url = harness.service.url;
  }, 120_000);

  afterAll(async () => {
    await harness.close();
  });

  it.each([
    ['a NUL', 'Alice\u0000', /control characters/],
    ['a right-to-left override', 'Alice\u202Egnp.exe', /bidirectional/],
    ['only zero-width characters', '\u200d\u200c', /visible characters/],
    ['only spaces', '    ', /visible characters/],
  ])(
    'should refuse a nickname with %s with 400 and a reason, and register nothing',
    async (_label, nickname, reason) => {
      const email = randomEmail();
      const response = await request(url)
        .post('/api/accounts/registrations')
        .send({ email, password: STRONG_PASSWORD, nickname })
        .expect(400);
      const body = response.body as ErrorBody;
      expect(body.details).toEqual(
        expect.arrayContaining([{ field: 'nickname', reason: expect.stringMatching(reason) as unknown }]),
      );
      const rows: unknown[] = await harness.data.query('SELECT id FROM users WHERE nickname = ?', [nickname]);
      expect(rows).toEqual([]);
    },
  );

  it('should refuse an institution name that only looks like text', async () => {
    const admin = issueTestToken({ roles: ['platform_admin'] });
    const response = await request(url)
      .post('/api/accounts/institutions')
      .set('authorization', `Bearer ${admin}`)
      .send({ name: '\u3000\u3000\u3000' })
      .expect(400);
    expect((response.body as ErrorBody).details).toEqual(
      expect.arrayContaining([
        { field: 'name', reason: expect.stringMatching(/visible characters/) as unknown },
      ]),
    );
  });

  it('should still accept a Chinese name with a middle dot and an emoji nickname', async () => {
    await request(url)
      .post('/api/accounts/registrations')
      .send({ email: randomEmail(), password: STRONG_PASSWORD, nickname: '👩‍💻 小明', fullName: '欧阳·娜娜' })
      .expect(202);
  });
});
