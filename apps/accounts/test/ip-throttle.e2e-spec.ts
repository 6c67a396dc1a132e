import { TestClock } from '@exam/testing';
import { DataSource } from 'typeorm';

import { IpThrottle } from '../src/auth/ip-throttle';
import { LoginCounterRepository } from '../src/auth/login-counter.repository';
import { AccountsEnv } from '../src/config/accounts.env';
import { type AccountsHarness, startAccounts } from './accounts-harness';
import { freshIp } from './factories';

/**
 * Two replicas of the throttle, each with its own connection pool to the same database, as two pods would
 * have: failures counted by one are seen by the other. (Two Nest apps in one process would share passport's
 * global strategy registry, so this is tested at the throttle rather than through two HTTP apps.)
 */
describe('per-IP sign-in throttle across replicas (e2e, real MariaDB)', () => {
  let harness: AccountsHarness;
  let otherPool: DataSource;
  let countersA: LoginCounterRepository;
  let countersB: LoginCounterRepository;
  let replicaA: IpThrottle;
  let replicaB: IpThrottle;

  beforeAll(async () => {
    harness = await startAccounts();
    const env = harness.service.app.get(AccountsEnv);
    otherPool = await new DataSource(harness.data.options).initialize();
    // Mid-minute, so every failure of a test falls into one counting window and counts exactly.
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const clock = new TestClock(new Date(minute + 30_000));
    countersA = new LoginCounterRepository(harness.data, env, clock);
    countersB = new LoginCounterRepository(otherPool, env, clock);
    replicaA = new IpThrottle(countersA, env);
    replicaB = new IpThrottle(countersB, env);
  }, 120_000);

  afterAll(async () => {
    await otherPool.destroy();
    await harness.close();
  });

  it('should throttle an IP once its failures on all replicas together reach the limit', async () => {
    const ip = freshIp();
    for (let i = 0; i < 9; i += 1) await (i % 2 === 0 ? replicaA : replicaB).recordFailure(ip);
    const belowLimit = [await replicaA.isThrottled(ip), await replicaB.isThrottled(ip)];
    await replicaB.recordFailure(ip);

    expect(belowLimit).toEqual([false, false]);
    expect([await replicaA.isThrottled(ip), await replicaB.isThrottled(ip)]).toEqual([true, true]);
    expect(await replicaA.isThrottled(freshIp())).toBe(false);
  });

  it('should count concurrent failures from both replicas without losing any', async () => {
    const ip = freshIp();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? replicaA : replicaB).recordFailure(ip)),
    );

    expect(await countersA.failuresOf(ip)).toBe(20);
    expect(await countersB.failuresOf(ip)).toBe(20);
  });
});
