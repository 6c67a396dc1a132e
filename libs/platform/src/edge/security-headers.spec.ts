import { securityHeaders } from './security-headers';

describe(securityHeaders.name, () => {
  it("should work out helmet's headers for the edge policy once, the same list every time", () => {
    const headers = securityHeaders();
    expect(headers).toMatchObject({
      'content-security-policy': expect.stringContaining("default-src 'self'") as string,
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'SAMEORIGIN',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(headers['content-security-policy']).toContain("img-src 'self' data: blob:");
    expect(headers['content-security-policy']).toContain("media-src 'self' blob:");
    expect(Object.isFrozen(headers)).toBe(true);
    expect(securityHeaders()).toEqual(headers);
  });
});
