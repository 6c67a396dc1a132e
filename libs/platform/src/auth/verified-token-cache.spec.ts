import { issueTestToken, TestClock, testJwtPublicKeys } from '@exam/testing';

import { parsePublicKeys } from './jwt-keys';
import { bearerToken, VerifiedTokenCache } from './verified-token-cache';

describe('VerifiedTokenCache', () => {
  const keys = parsePublicKeys(testJwtPublicKeys());

  function cacheAt(now: Date, maxEntries?: number): { cache: VerifiedTokenCache; clock: TestClock } {
    const clock = new TestClock(now);
    return { cache: new VerifiedTokenCache(keys, clock, maxEntries), clock };
  }

  it('should return the subject and expiry of a genuine token and remember it', () => {
    const { cache } = cacheAt(new Date());
    const token = issueTestToken({ userId: 'user-1', expiresInSeconds: 300 });

    const first = cache.verify(token);

    expect(first?.sub).toBe('user-1');
    expect(first?.expiresAtMs).toBeGreaterThan(Date.now() + 290_000);
    expect(cache.size).toBe(1);
    expect(cache.verify(token)).toBe(first);
  });

  it('should refuse a token signed with a key it does not trust, and not remember it', () => {
    const { cache } = cacheAt(new Date());

    expect(cache.verify(issueTestToken({ signedBy: 'untrusted' }))).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('should refuse a token whose payload was edited after signing', () => {
    const { cache } = cacheAt(new Date());
    const [header, , signature] = issueTestToken({ userId: 'user-1' }).split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: 'someone-else' })).toString('base64url');

    expect(cache.verify(`${header}.${forgedPayload}.${signature}`)).toBeNull();
  });

  it('should refuse garbage without throwing', () => {
    const { cache } = cacheAt(new Date());

    expect(cache.verify('not-a-token')).toBeNull();
    expect(cache.verify('a.b.c')).toBeNull();
  });

  it('should stop accepting a remembered token once it has expired', () => {
    const { cache, clock } = cacheAt(new Date());
    const token = issueTestToken({ expiresInSeconds: 60 });
    expect(cache.verify(token)).not.toBeNull();

    clock.advanceSeconds(61);

    expect(cache.verify(token)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('should evict the oldest entry beyond its bound', () => {
    const { cache } = cacheAt(new Date(), 2);
    const [a, b, c] = [issueTestToken(), issueTestToken(), issueTestToken()];

    cache.verify(a);
    cache.verify(b);
    cache.verify(c);

    expect(cache.size).toBe(2);
  });
});

describe('bearerToken', () => {
  it('should extract a compact JWS from a Bearer header', () => {
    expect(bearerToken('Bearer aa.bb.cc')).toBe('aa.bb.cc');
  });

  it.each([undefined, '', 'Basic abc', 'Bearer ', 'Bearer a.b', 'Bearer a.b.c extra', ['Bearer a.b.c']])(
    'should return null for %p',
    (value) => {
      expect(bearerToken(value)).toBeNull();
    },
  );
});
