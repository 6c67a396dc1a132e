import { ConfigValidationError } from '@exam/platform';

import { loadIdentityEnv } from './identity.env';

describe('IdentityEnv liveness settings', () => {
  it('should decide liveness locally with a 5 s vendor timeout by default', () => {
    expect(loadIdentityEnv({})).toMatchObject({ LIVENESS_PROVIDER: 'local', LIVENESS_TIMEOUT_SECONDS: 5 });
  });

  it('should accept the authority provider and a fractional timeout', () => {
    expect(
      loadIdentityEnv({ LIVENESS_PROVIDER: 'authority', LIVENESS_TIMEOUT_SECONDS: '1.5' }),
    ).toMatchObject({ LIVENESS_PROVIDER: 'authority', LIVENESS_TIMEOUT_SECONDS: 1.5 });
  });

  it.each([
    [{ LIVENESS_PROVIDER: 'none' }, 'LIVENESS_PROVIDER'],
    [{ LIVENESS_TIMEOUT_SECONDS: '0' }, 'LIVENESS_TIMEOUT_SECONDS'],
    [{ LIVENESS_TIMEOUT_SECONDS: 'soon' }, 'LIVENESS_TIMEOUT_SECONDS'],
  ])('should refuse to start with %j', (env, name) => {
    expect(() => loadIdentityEnv(env)).toThrow(ConfigValidationError);
    expect(() => loadIdentityEnv(env)).toThrow(name);
  });
});
