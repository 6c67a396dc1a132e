import { statusOf } from '@exam/platform';

import { PasswordCheckBusyError } from '../auth/auth.errors';
import { AccountsEnv } from '../config/accounts.env';
import { parametersOf, PasswordHasher } from './password-hasher';

function hasherWith(memory: number, time: number): PasswordHasher {
  return new PasswordHasher(
    Object.assign(new AccountsEnv(), {
      ARGON2_MEMORY_KIB: memory,
      ARGON2_TIME_COST: time,
      ARGON2_PARALLELISM: 1,
    }),
  );
}

describe(PasswordHasher.name, () => {
  const sut = hasherWith(19_456, 2);

  it('should hash with argon2id at the OWASP parameters', async () => {
    const encoded = await sut.hash('Correct-Horse-Battery-9');
    expect(parametersOf(encoded)).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(await sut.check(encoded, 'Correct-Horse-Battery-9')).toEqual({
      matches: true,
      needsRehash: false,
    });
    expect(await sut.check(encoded, 'wrong')).toEqual({ matches: false, needsRehash: false });
  });

  it('should ask for a rehash when the stored parameters differ from the current ones', async () => {
    const old = await hasherWith(8192, 1).hash('Correct-Horse-Battery-9');
    expect(await sut.check(old, 'Correct-Horse-Battery-9')).toEqual({ matches: true, needsRehash: true });
  });

  // Structural, not timed: a hash computed on the main thread would let no loop turn run before it resolves.
  it('should hash off the event loop, letting other callbacks run meanwhile', async () => {
    let turns = 0;
    let hashing = true;
    const tick = (): void => {
      turns += 1;
      if (hashing) setImmediate(tick);
    };
    setImmediate(tick);
    await Promise.all(Array.from({ length: 4 }, () => sut.hash('Correct-Horse-Battery-9')));
    hashing = false;
    expect(turns).toBeGreaterThan(1);
  });

  it('should treat a malformed stored hash as a mismatch', async () => {
    expect(await sut.check('not-a-hash', 'x')).toEqual({ matches: false, needsRehash: false });
  });

  it('should refuse checks past the bounded queue with 503 at once, and serve the admitted ones', async () => {
    const bounded = new PasswordHasher(
      Object.assign(new AccountsEnv(), {
        ARGON2_MEMORY_KIB: 8192,
        ARGON2_TIME_COST: 1,
        ARGON2_PARALLELISM: 1,
        ARGON2_MAX_CONCURRENT: 1,
        ARGON2_MAX_QUEUED: 2,
      }),
    );
    const encoded = await bounded.hash('Correct-Horse-Battery-9');
    const settled = await Promise.allSettled(
      Array.from({ length: 8 }, () => bounded.check(encoded, 'Correct-Horse-Battery-9')),
    );
    const refused = settled.filter((r) => r.status === 'rejected').map((r) => r.reason as unknown);
    expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(refused).toHaveLength(5);
    expect(refused.every((e) => e instanceof PasswordCheckBusyError)).toBe(true);
    expect(statusOf((refused[0] as PasswordCheckBusyError).kind)).toBe(503);
    expect(await bounded.check(encoded, 'Correct-Horse-Battery-9')).toEqual({
      matches: true,
      needsRehash: false,
    });
  });
});
