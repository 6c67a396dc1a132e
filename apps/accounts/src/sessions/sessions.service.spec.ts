import { Topics } from '@exam/contracts';
import type { EventPublisher } from '@exam/platform';
import { TestClock } from '@exam/testing';
import { QueryFailedError } from 'typeorm';

import { deadlockError, FakeTransactions } from '../../test/fakes/fake-transactions';
import { InMemorySessionRepository } from '../../test/fakes/in-memory-session.repository';
import type { AccountsEnv } from '../config/accounts.env';
import type { IpRegionResolver } from './region/ip-region.resolver';
import type { SessionRepository } from './session.repository';
import { hashRefreshToken, type OpenedSession, SessionsService } from './sessions.service';

const client = { ip: '203.0.113.7', userAgent: 'jest', deviceId: 'device-1' };
const otherNetwork = { ...client, ip: '198.51.100.9' };
const USER = 'user-1';

interface Staged {
  readonly topic: string;
  readonly payload: unknown;
}

describe(SessionsService.name, () => {
  let clock: TestClock;
  let store: InMemorySessionRepository;
  let transactions: FakeTransactions;
  let staged: Staged[];
  let sut: SessionsService;

  beforeEach(() => {
    clock = new TestClock('2026-03-02T09:00:00.000Z');
    store = new InMemorySessionRepository();
    store.users.set(USER, { roles: ['candidate'], status: 'active' });
    transactions = new FakeTransactions();
    staged = [];
    const events = {
      stage: (_tx: unknown, topic: string, event: { payload: unknown }) => {
        staged.push({ topic, payload: event.payload });
        return Promise.resolve();
      },
    } as unknown as EventPublisher;
    const regions: IpRegionResolver = { regionOf: (ip) => (ip === client.ip ? '江苏省 南京市' : null) };
    sut = new SessionsService(
      transactions.asDataSource(),
      store as unknown as SessionRepository,
      events,
      clock,
      { SESSION_TTL_DAYS: 30 } as AccountsEnv,
      regions,
    );
  });

  function signIn(): Promise<OpenedSession> {
    return sut.open({} as never, USER, client, 'attempt-1');
  }

  it('should open a session for the configured lifetime with a masked IP, its region and one live token', async () => {
    const opened = await signIn();

    expect(opened.expiresAt.toISOString()).toBe('2026-04-01T09:00:00.000Z');
    expect(store.sessions.get(opened.sessionId)).toMatchObject({
      userId: USER,
      maskedIp: '203.0.113.*',
      region: '江苏省 南京市',
      attemptId: 'attempt-1',
      revokedAt: null,
    });
    expect(store.liveTokensOf(opened.sessionId)).toEqual([hashRefreshToken(opened.refreshToken)]);
  });

  it('should consume the presented token and issue its successor, leaving the last use alone within the minute', async () => {
    const opened = await signIn();
    clock.advanceSeconds(30);

    const rotated = await sut.rotate(opened.refreshToken, client);

    expect(rotated).toMatchObject({
      sessionId: opened.sessionId,
      userId: USER,
      roles: ['candidate'],
      active: true,
    });
    expect(store.liveTokensOf(opened.sessionId)).toEqual([hashRefreshToken(rotated.refreshToken)]);
    expect(store.sessions.get(opened.sessionId)?.lastUsedAt.toISOString()).toBe('2026-03-02T09:00:00.000Z');
    expect(transactions.opened).toBe(0);
  });

  it('should record a use from another network at once, with its region', async () => {
    const opened = await signIn();
    clock.advanceSeconds(10);

    await sut.rotate(opened.refreshToken, otherNetwork);

    expect(store.sessions.get(opened.sessionId)).toMatchObject({
      lastUsedAt: clock.now(),
      maskedIp: '198.51.100.*',
      region: null,
    });
  });

  it('should end the whole family when a consumed token is presented again', async () => {
    const opened = await signIn();
    const rotated = await sut.rotate(opened.refreshToken, client);

    await expect(sut.rotate(opened.refreshToken, client)).rejects.toMatchObject({
      code: 'AUTH.REFRESH_INVALID',
    });

    expect(store.sessions.get(opened.sessionId)).toMatchObject({ revokeReason: 'refresh_reuse' });
    expect(store.liveTokensOf(opened.sessionId)).toEqual([]);
    await expect(sut.rotate(rotated.refreshToken, client)).rejects.toMatchObject({
      code: 'AUTH.REFRESH_INVALID',
    });
    expect(staged).toEqual([
      {
        topic: Topics.SessionRevoked,
        payload: { userId: USER, sessionIds: [opened.sessionId], reason: 'refresh_reuse' },
      },
    ]);
  });

  it('should lose to a concurrent use of the same token: no successor of its own, and the family ends', async () => {
    const opened = await signIn();
    const presented = store.tokens.get(hashRefreshToken(opened.refreshToken));
    store.beforeConsume = () => {
      if (presented !== undefined) presented.usedAt = clock.now();
    };

    await expect(sut.rotate(opened.refreshToken, client)).rejects.toMatchObject({
      code: 'AUTH.REFRESH_INVALID',
    });

    expect(store.liveTokensOf(opened.sessionId)).toEqual([]);
    expect(store.sessions.get(opened.sessionId)?.revokeReason).toBe('refresh_reuse');
  });

  it('should refuse a token of an ended or expired session without changing anything', async () => {
    const ended = await signIn();
    await sut.endOne(USER, ended.sessionId);
    const expiring = await signIn();
    clock.advanceSeconds(31 * 86_400);

    await expect(sut.rotate(ended.refreshToken, client)).rejects.toMatchObject({
      code: 'AUTH.REFRESH_INVALID',
    });
    await expect(sut.rotate(expiring.refreshToken, client)).rejects.toMatchObject({
      code: 'AUTH.REFRESH_INVALID',
    });

    expect(store.tokens.get(hashRefreshToken(expiring.refreshToken))?.usedAt).toBeNull();
    expect(store.liveTokensOf(expiring.sessionId)).toHaveLength(1);
  });

  it('should say whether the user may still use the account and read fresh roles', async () => {
    const opened = await signIn();
    store.users.set(USER, { roles: ['candidate', 'platform_admin'], status: 'erased' });

    await expect(sut.rotate(opened.refreshToken, client)).resolves.toMatchObject({
      roles: ['candidate', 'platform_admin'],
      active: false,
    });
  });

  it('should run a reuse revocation once more when InnoDB chose it as a deadlock victim', async () => {
    const opened = await signIn();
    await sut.rotate(opened.refreshToken, client);
    transactions.failNext.push(deadlockError());

    await expect(sut.rotate(opened.refreshToken, client)).rejects.toMatchObject({
      code: 'AUTH.REFRESH_INVALID',
    });

    expect(transactions.opened).toBe(2);
    expect(store.sessions.get(opened.sessionId)?.revokeReason).toBe('refresh_reuse');
  });

  it('should retry a deadlock only once', async () => {
    const opened = await signIn();
    await sut.rotate(opened.refreshToken, client);
    transactions.failNext.push(deadlockError(), deadlockError());

    await expect(sut.rotate(opened.refreshToken, client)).rejects.toBeInstanceOf(QueryFailedError);

    expect(store.sessions.get(opened.sessionId)?.revokedAt).toBeNull();
  });

  it('should not retry other database errors', async () => {
    const opened = await signIn();
    store.failNextRead = new QueryFailedError(
      'SELECT',
      [],
      Object.assign(new Error('gone'), { errno: 2006 }),
    );

    await expect(sut.rotate(opened.refreshToken, client)).rejects.toBeInstanceOf(QueryFailedError);

    expect(store.tokens.get(hashRefreshToken(opened.refreshToken))?.usedAt).toBeNull();
  });

  it('should log out once more when InnoDB chose the logout as a deadlock victim against a rotation', async () => {
    const opened = await signIn();
    transactions.failNext.push(deadlockError());

    await sut.endByRefreshToken(opened.refreshToken);

    expect(store.sessions.get(opened.sessionId)?.revokeReason).toBe('logout');
    expect(store.liveTokensOf(opened.sessionId)).toEqual([]);
  });

  it('should end every session but the current one, and refuse to end a session that is not live', async () => {
    const current = await signIn();
    const other = await signIn();

    const ended = await sut.endOthersWithin({} as never, USER, current.sessionId, 'contact_changed');

    expect(ended).toBe(1);
    expect((await sut.listActive(USER)).map((s) => s.id)).toEqual([current.sessionId]);
    await expect(sut.endOne(USER, other.sessionId)).rejects.toMatchObject({ code: 'SESSION.NOT_FOUND' });
  });
});
