import { randomBytes } from 'node:crypto';

import { CRYPTO_ENV, CryptoEnv, parseCryptoConfig } from './crypto.config';
import { CryptoError } from './crypto.errors';
import { developmentKek } from './development-keys';
import { generateKeys } from './generate-keys';

function failure(env: CryptoEnv): CryptoError {
  try {
    parseCryptoConfig(env);
  } catch (error: unknown) {
    if (error instanceof CryptoError) return error;
    throw error;
  }
  throw new Error('expected CRYPTO.CONFIG_INVALID');
}

describe(parseCryptoConfig.name, () => {
  const generated = generateKeys();
  const production: CryptoEnv = { NODE_ENV: 'production', ...generated };

  it('should parse a generated key set in production', () => {
    const sut = parseCryptoConfig(production);

    expect(sut.source).toBe('environment');
    expect(sut.production).toBe(true);
    expect(sut.dataKeys.has(sut.activeDataKeyId)).toBe(true);
    expect(sut.blindIndexKeys.get(sut.activeBlindIndexKeyId)).toHaveLength(32);
    expect(sut.kek).toHaveLength(32);
  });

  it('should fall back to development keys when nothing is configured outside production', () => {
    const sut = parseCryptoConfig({ NODE_ENV: 'development' });

    expect(sut.source).toBe('development-defaults');
    expect(sut.activeDataKeyId).toBe('dev1');
  });

  it('should refuse a completely unset configuration in production', () => {
    const error = failure({ NODE_ENV: 'production' });

    expect(error.code).toBe('CRYPTO.CONFIG_INVALID');
    for (const name of Object.values(CRYPTO_ENV)) expect(error.message).toContain(name);
  });

  it('should refuse a partial configuration outside production too', () => {
    expect(failure({ [CRYPTO_ENV.kek]: generated[CRYPTO_ENV.kek] }).message).toContain(CRYPTO_ENV.dataKeys);
  });

  it.each([
    ['a placeholder word', 'CHANGE_ME'],
    ['an all-zero key', Buffer.alloc(32).toString('base64')],
    ['a repeated pattern', Buffer.alloc(32, 'ab').toString('base64')],
    ['the development KEK', developmentKek().toString('base64')],
    ['a 16-byte key', randomBytes(16).toString('base64')],
  ])('should refuse %s as FIELD_KEK in production', (_case, kek) => {
    expect(failure({ ...production, [CRYPTO_ENV.kek]: kek }).message).toContain(CRYPTO_ENV.kek);
  });

  it('should refuse a placeholder blind-index key in production', () => {
    const env = {
      ...production,
      [CRYPTO_ENV.blindIndexKeys]: JSON.stringify({ bi1: Buffer.alloc(32).toString('base64') }),
      [CRYPTO_ENV.activeBlindIndexKeyId]: 'bi1',
    };

    expect(failure(env).message).toContain(CRYPTO_ENV.blindIndexKeys);
  });

  it('should refuse a blind-index key equal to the KEK', () => {
    const env = {
      ...production,
      [CRYPTO_ENV.blindIndexKeys]: JSON.stringify({ bi1: generated[CRYPTO_ENV.kek] }),
      [CRYPTO_ENV.activeBlindIndexKeyId]: 'bi1',
    };

    expect(failure(env).message).toContain('must not reuse');
  });

  it.each([
    [CRYPTO_ENV.dataKeys, 'not json'],
    [CRYPTO_ENV.dataKeys, '["a"]'],
    [CRYPTO_ENV.dataKeys, '{}'],
    [CRYPTO_ENV.activeDataKeyId, 'missing-id'],
    [CRYPTO_ENV.activeBlindIndexKeyId, 'missing-id'],
  ])('should refuse a bad %s', (name, value) => {
    expect(failure({ ...production, [name]: value }).message).toContain(name);
  });

  it('should never echo key material in its errors', () => {
    const kek = generated[CRYPTO_ENV.kek] ?? '';
    const error = failure({
      ...production,
      [CRYPTO_ENV.kek]: kek.slice(0, 20),
      [CRYPTO_ENV.dataKeys]: 'oops',
    });

    expect(error.message).not.toContain(kek.slice(0, 20));
    expect(error.message).not.toContain(generated[CRYPTO_ENV.blindIndexKeys]);
  });

  it('should not need FIELD_KEK with an external key-encryption provider', () => {
    const { [CRYPTO_ENV.kek]: _kek, ...rest } = production;

    expect(parseCryptoConfig(rest, { externalKek: true }).kek).toBeUndefined();
  });
});
