import { TestClock } from '@exam/testing';
import { DataSource } from 'typeorm';

import { IpThrottle } from '../src/auth/ip-throttle';
import { LoginCounterRepository } from '../src/auth/login-counter.repository';
import { AccountsEnv } from '../src/config/accounts.env';
import { type AccountsHarness, startAccounts } from './accounts-harness';
import { freshIp } from './factories';

/**
 * Two replicas of the throttle, each with its own connection pool to the same database, as two pods would
 * have: reservations made by one are seen by the other. (Two Nest apps in one process would share passport's
 * global strategy registry, so this is tested at the throttle rather than through two HTTP apps.)
 */
describe('sign-in throttle across replicas (e2e, real MariaDB)', () => {
  let harness: AccountsHarness;
  let otherPool: DataSource;
  let replicaA: IpThrottle;
  let replicaB: IpThrottle;

  beforeAll(async () => {
    harness = await startAccounts();
    const env = Object.assign(new AccountsEnv(), harness.service.app.get(AccountsEnv), {
      LOGIN_IP_FAILURES_PER_MINUTE: 10,
      LOGIN_IP_BLOCK_FAILURES_PER_MINUTE: 20,
      LOGIN_PAIR_FAILURES_PER_MINUTE: 5,
    });
    otherPool = await new DataSource(harness.data.options).initialize();
    // Mid-minute, so every reservation of a test falls into one counting window and counts exactly.
    const minute = Math.floor(Date.now() / 60_000) * 60_000;
    const clock = new TestClock(new Date(minute + 30_000));
    replicaA = new IpThrottle(new LoginCounterRepository(harness.data, env, clock), env);
    replicaB = new IpThrottle(new LoginCounterRepository(otherPool, env, clock), env);
  }, 120_000);

  afterAll(async () => {
    await otherPool.destroy();
    await harness.close();
  });

  it('should challenge, then block, an address once its failures on all replicas together pass the limits', async () => {
    const ip = freshIp();
    const verdicts = [];
    for (let i = 0; i < 21; i += 1)
      verdicts.push((await (i % 2 === 0 ? replicaA : replicaB).admit(ip, `account-${i}`)).verdict);

    expect(verdicts.slice(0, 10).every((v) => v === 'allow')).toBe(true);
    expect(verdicts.slice(10, 20).every((v) => v === 'challenge')).toBe(true);
    expect(verdicts[20]).toBe('block');
    expect((await replicaA.admit(freshIp(), 'account-0')).verdict).toBe('allow');
  });

  it('should let exactly the pair limit of parallel reservations through on both replicas', async () => {
    const ip = freshIp();
    const admissions = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? replicaA : replicaB).admit(ip, 'one-account')),
    );
    expect(admissions.filter((a) => a.verdict !== 'block')).toHaveLength(5);
  });

  it('should give a reservation back when the password was right', async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i += 1) await replicaA.release(await replicaA.admit(ip, 'owner'));
    expect((await replicaB.admit(ip, 'owner')).verdict).toBe('allow');
  });
});
