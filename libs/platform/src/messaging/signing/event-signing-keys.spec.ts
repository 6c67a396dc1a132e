import { generateEd25519KeyPair } from '../../signing/ed25519-keys';
import {
  developmentEventSigningKeyPair,
  developmentEventVerifyKeys,
  eventSigningFrom,
} from './event-signing-keys';

function refusal(service: string, env: Parameters<typeof eventSigningFrom>[1]): string {
  try {
    eventSigningFrom(service, env);
    return 'accepted';
  } catch (error: unknown) {
    return error instanceof Error ? error.message : String(error);
  }
}

describe('eventSigningFrom', () => {
  const own = generateEd25519KeyPair('accounts.2026-01');
  const audit = generateEd25519KeyPair('audit.2026-01');
  const production = {
    NODE_ENV: 'production',
    EVENT_SIGNING_KEY_ID: own.keyId,
    EVENT_SIGNING_PRIVATE_KEY: own.privateKey,
    EVENT_VERIFY_KEYS: `${own.publicKeys},${audit.publicKeys}`,
  };

  it('should use the development keys outside production when nothing is set', () => {
    const sut = eventSigningFrom('accounts', { NODE_ENV: 'development' });

    expect(sut.signing.keyId).toBe(developmentEventSigningKeyPair('accounts').keyId);
    expect([...sut.verifyKeys.keys()]).toEqual(
      developmentEventVerifyKeys()
        .split(',')
        .map((entry) => entry.slice(0, entry.indexOf('='))),
    );
  });

  it('should accept production with its own keys', () => {
    expect(refusal('accounts', production)).toBe('accepted');
  });

  it.each([
    [
      'no keys at all',
      { NODE_ENV: 'production' },
      /EVENT_SIGNING_PRIVATE_KEY is required[\s\S]*EVENT_VERIFY_KEYS is required/,
    ],
    [
      'the development signing key',
      {
        ...production,
        EVENT_SIGNING_KEY_ID: 'accounts.dev1',
        EVENT_SIGNING_PRIVATE_KEY: developmentEventSigningKeyPair('accounts').privateKey,
      },
      /EVENT_SIGNING_PRIVATE_KEY: the published development key/,
    ],
    [
      'the development verifier keys',
      { ...production, EVENT_VERIFY_KEYS: developmentEventVerifyKeys() },
      /EVENT_VERIFY_KEYS: the published development keys/,
    ],
    [
      'a key id of another service',
      { ...production, EVENT_SIGNING_KEY_ID: 'audit.2026-01' },
      /EVENT_SIGNING_KEY_ID must start with "accounts\."/,
    ],
    [
      'a private key that is not a key',
      { ...production, EVENT_SIGNING_PRIVATE_KEY: 'bm90IGEga2V5' },
      /EVENT_SIGNING_PRIVATE_KEY: not a base64 PKCS#8/,
    ],
    [
      'malformed verifier keys',
      { ...production, EVENT_VERIFY_KEYS: 'audit.1' },
      /EVENT_VERIFY_KEYS: .*kid=<base64 SPKI>/,
    ],
  ])('should refuse %s and name the setting', (_label, env, message) => {
    expect(refusal('accounts', env)).toMatch(message);
  });
});
