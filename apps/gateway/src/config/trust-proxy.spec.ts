import { ConfigValidationError, loadConfig } from '@exam/platform';

import { GatewayEnv } from './gateway.env';
import { parseTrustProxy } from './trust-proxy';

describe(parseTrustProxy.name, () => {
  it.each([
    ['false', false],
    ['1', 1],
    [' 2 ', 2],
    ['10.0.0.0/8', ['10.0.0.0/8']],
    ['10.0.0.0/8, 192.168.1.7, fd00::/8', ['10.0.0.0/8', '192.168.1.7', 'fd00::/8']],
  ])('should read %j as a bounded trust', (text, expected) => {
    expect(parseTrustProxy(text)).toEqual(expected);
  });

  it.each(['true', '', '0', '6', 'yes', '10.0.0.0/33', '10.0.0/8', 'loopback', '10.0.0.0/8,', 'fd00::/129'])(
    'should refuse %j',
    (text) => {
      expect(parseTrustProxy(text)).toBeUndefined();
    },
  );
});

describe('GatewayEnv TRUST_PROXY', () => {
  it('should refuse trusting every hop with a message that says what to set', () => {
    let caught: unknown;
    try {
      loadConfig(GatewayEnv, { TRUST_PROXY: 'true' });
    } catch (error: unknown) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigValidationError);
    expect((caught as ConfigValidationError).problems.join('\n')).toContain('the number of proxies in front');
  });

  it('should default to trusting no proxy and the gateway to every interface', () => {
    const env = loadConfig(GatewayEnv, {});
    expect(parseTrustProxy(env.TRUST_PROXY)).toBe(false);
    expect(env.LISTEN_HOST).toBe('0.0.0.0');
  });
});
