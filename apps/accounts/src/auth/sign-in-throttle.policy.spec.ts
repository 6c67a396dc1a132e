import { throttleSourceOf, throttleVerdict } from './sign-in-throttle.policy';

describe('sign-in throttle policy', () => {
  const limits = { pairFailures: 10, sourceChallengeFailures: 30, sourceBlockFailures: 300 };

  it('should refuse one failing pair without touching the rest of its address', () => {
    expect(throttleVerdict(11, 11, limits)).toBe('block');
    expect(throttleVerdict(1, 11, limits)).toBe('allow');
  });

  it('should challenge a busy address before it blocks it', () => {
    expect(throttleVerdict(1, 30, limits)).toBe('allow');
    expect(throttleVerdict(1, 31, limits)).toBe('challenge');
    expect(throttleVerdict(1, 300, limits)).toBe('challenge');
    expect(throttleVerdict(1, 301, limits)).toBe('block');
  });

  it('should count IPv6 addresses by their /64 and IPv4 addresses alone', () => {
    expect(throttleSourceOf('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(throttleSourceOf('2001:DB8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:0db8:0001:0002::/64');
    expect(throttleSourceOf('2001:db8:1:3::1')).toBe('2001:0db8:0001:0003::/64');
    expect(throttleSourceOf('::1')).toBe('0000:0000:0000:0000::/64');
    expect(throttleSourceOf('fe80::1%eth0')).toBe('fe80:0000:0000:0000::/64');
    expect(throttleSourceOf('203.0.113.7')).toBe('203.0.113.7');
    expect(throttleSourceOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });
});
