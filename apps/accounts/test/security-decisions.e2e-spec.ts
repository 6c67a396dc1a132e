import { randomUUID } from 'node:crypto';

import type { PayloadOf, TopicName } from '@exam/contracts';
import { expectEventually } from '@exam/testing';
import request from 'supertest';

import { type AccountsHarness, startAccounts } from './accounts-harness';
import { freshIp, latestCode, login, registerActive, type Registered } from './factories';

describe('accounts: enforcing audit decisions and staff actions', () => {
  let harness: AccountsHarness;
  let url: string;

  beforeAll(async () => {
    harness = await startAccounts();
    url = harness.service.url;
  }, 120_000);

  afterAll(async () => {
    await harness.close();
  });

  function envelope<T extends TopicName>(topic: T, subjectId: string, payload: PayloadOf<T>): string {
    return JSON.stringify({
      id: randomUUID(),
      type: topic,
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: 'audit',
      subjectId,
      traceId: `trace-${randomUUID()}`,
      payload,
    });
  }

  async function publish(topic: TopicName, key: string, value: string): Promise<void> {
    await harness.probe.produce(harness.names.physical(topic), [{ key, value }]);
  }

  async function successfulAttemptId(userId: string): Promise<string> {
    const rows: { envelope: string }[] = await harness.data.query(
      "SELECT envelope FROM outbox_events WHERE topic = 'accounts.login.attempted' AND JSON_VALUE(envelope, '$.subjectId') = ? ORDER BY seq DESC",
      [userId],
    );
    const success = rows
      .map((r) => JSON.parse(r.envelope) as { payload: { attemptId: string; outcome: string } })
      .find((e) => e.payload.outcome === 'success');
    if (success === undefined) throw new Error('no successful attempt');
    return success.payload.attemptId;
  }

  async function loginStatus(user: Registered): Promise<number> {
    const response = await request(url)
      .post('/api/accounts/auth/login')
      .set('x-forwarded-for', freshIp())
      .send({ login: user.login, password: user.password });
    return response.status;
  }

  it('should end the risky session and confirm the next sign-in with a code when audit asks for step-up', async () => {
    const user = await registerActive(url);
    const risky = await login(url, user);
    const attemptId = await successfulAttemptId(user.userId);
    await publish(
      'audit.login.assessed',
      user.userId,
      envelope('audit.login.assessed', user.userId, {
        attemptId,
        userId: user.userId,
        decision: 'step_up',
        score: 700,
        rulesFired: ['new_region'],
      }),
    );
    await expectEventually(async () => {
      await request(url).post('/api/accounts/auth/refresh').set('cookie', risky.refreshCookie).expect(401);
    });

    const challenged = await request(url)
      .post('/api/accounts/auth/login')
      .set('x-forwarded-for', freshIp())
      .send({ login: user.login, password: user.password })
      .expect(202);
    const body = challenged.body as {
      verificationRequired: boolean;
      challengeId: string;
      phone: string;
      accessToken?: string;
    };
    expect(body.verificationRequired).toBe(true);
    expect(body.accessToken).toBeUndefined();
    expect(body.phone).not.toContain(user.login.slice(3, 7));
    await request(url)
      .post('/api/accounts/auth/step-up')
      .send({ challengeId: body.challengeId, code: 'abc' })
      .expect(400);
    const code = await latestCode(url, `+86${user.login}`);
    const wrong = code === '000000' ? '111111' : '000000';
    await request(url)
      .post('/api/accounts/auth/step-up')
      .send({ challengeId: body.challengeId, code: wrong })
      .expect(400);
    const done = await request(url)
      .post('/api/accounts/auth/step-up')
      .send({ challengeId: body.challengeId, code })
      .expect(200);
    const granted = done.body as { accessToken: string; userId: string };
    const claims = JSON.parse(
      Buffer.from(granted.accessToken.split('.')[1] ?? '', 'base64url').toString(),
    ) as { sub: string };
    expect({ userId: granted.userId, sub: claims.sub }).toEqual({ userId: user.userId, sub: user.userId });
    await request(url)
      .post('/api/accounts/auth/step-up')
      .send({ challengeId: body.challengeId, code })
      .expect(410);
    expect(await loginStatus(user)).toBe(200);
  });

  it('should lock the account until reviewed when audit blocks, tell the owner after the right password, and ignore a replay after unlock', async () => {
    const user = await registerActive(url);
    const session = await login(url, user);
    const attemptId = await successfulAttemptId(user.userId);
    const block = envelope('audit.login.assessed', user.userId, {
      attemptId,
      userId: user.userId,
      decision: 'block',
      score: 950,
      rulesFired: ['impossible_travel'],
    });
    await publish('audit.login.assessed', user.userId, block);
    await expectEventually(async () => {
      expect(await loginStatus(user)).toBe(403);
    });
    // Asked again and again with the right password, the owner keeps getting the locked answer (#12 item 15).
    for (let i = 0; i < 6; i += 1) expect(await loginStatus(user)).toBe(403);
    await request(url).post('/api/accounts/auth/refresh').set('cookie', session.refreshCookie).expect(401);

    const unlock = envelope('audit.account_action.requested', user.userId, {
      actionId: randomUUID(),
      userId: user.userId,
      action: 'unlock',
      reason: 'false_positive',
      requestedBy: randomUUID(),
    });
    await publish('audit.account_action.requested', user.userId, unlock);
    await expectEventually(async () => {
      expect(await loginStatus(user)).toBe(200);
    });

    await publish('audit.login.assessed', user.userId, block);
    const marker = await registerActive(url);
    const markerSession = await login(url, marker);
    await publish(
      'audit.account_action.requested',
      marker.userId,
      envelope('audit.account_action.requested', marker.userId, {
        actionId: randomUUID(),
        userId: marker.userId,
        action: 'force_logout',
        reason: 'user_request',
        requestedBy: randomUUID(),
      }),
    );
    await expectEventually(async () => {
      await request(url)
        .post('/api/accounts/auth/refresh')
        .set('cookie', markerSession.refreshCookie)
        .expect(401);
    });
    expect(await loginStatus(user)).toBe(200);
  });
});
