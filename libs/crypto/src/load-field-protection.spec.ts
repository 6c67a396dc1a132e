import { CRYPTO_ENV, parseCryptoConfig } from './crypto.config';
import { CryptoError } from './crypto.errors';
import { generateKeys } from './generate-keys';
import { KeyEncryptionProvider } from './key-encryption-provider';
import { loadFieldProtection } from './load-field-protection';

const CONTEXT = { service: 's', table: 't', column: 'c', rowId: 'r' };

async function codeOf(operation: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await operation();
  } catch (error: unknown) {
    return error instanceof CryptoError ? error.code : 'not a CryptoError';
  }
  return undefined;
}

describe(loadFieldProtection.name, () => {
  it('should build a working cipher and blind index from a generated key set', async () => {
    const sut = await loadFieldProtection(parseCryptoConfig({ NODE_ENV: 'production', ...generateKeys() }));

    expect(sut.cipher.decrypt(sut.cipher.encrypt('13812345678', CONTEXT), CONTEXT)).toBe('13812345678');
    expect(sut.blindIndex.compute('13812345678', { kind: 'phone', domain: 'd' })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('should work from the development defaults', async () => {
    const sut = await loadFieldProtection(parseCryptoConfig({}));

    expect(sut.source).toBe('development-defaults');
    expect(sut.cipher.activeKeyId).toBe('dev1');
  });

  it('should fail at startup when the KEK does not match the wrapped data keys', async () => {
    const other = generateKeys();
    const env = { ...generateKeys(), [CRYPTO_ENV.kek]: other[CRYPTO_ENV.kek] };

    expect(await codeOf(() => loadFieldProtection(parseCryptoConfig(env)))).toBe('CRYPTO.KEY_UNWRAP_FAILED');
  });

  it('should unwrap through a supplied provider instead of FIELD_KEK', async () => {
    const keys = generateKeys();
    const unwrapped: string[] = [];
    const provider: KeyEncryptionProvider = {
      name: 'fake-kms',
      wrapDataKey: () => Promise.reject(new Error('unused')),
      unwrapDataKey: (keyId) => {
        unwrapped.push(keyId);
        return Promise.resolve(Buffer.alloc(32, 0x33));
      },
    };
    const { [CRYPTO_ENV.kek]: _kek, ...rest } = keys;

    const sut = await loadFieldProtection(parseCryptoConfig(rest, { externalKek: true }), provider);

    expect(unwrapped).toEqual([keys[CRYPTO_ENV.activeDataKeyId]]);
    expect(sut.cipher.activeKeyId).toBe(keys[CRYPTO_ENV.activeDataKeyId]);
  });

  it('should refuse a blind-index key equal to a data key', async () => {
    const keys = generateKeys();
    const shared = Buffer.alloc(32);
    for (let i = 0; i < 32; i++) shared[i] = i * 7;
    const provider: KeyEncryptionProvider = {
      name: 'fake-kms',
      wrapDataKey: () => Promise.reject(new Error('unused')),
      unwrapDataKey: () => Promise.resolve(Buffer.from(shared)),
    };
    const env = {
      ...keys,
      [CRYPTO_ENV.blindIndexKeys]: JSON.stringify({ bi1: shared.toString('base64') }),
      [CRYPTO_ENV.activeBlindIndexKeyId]: 'bi1',
    };

    expect(await codeOf(() => loadFieldProtection(parseCryptoConfig(env), provider))).toBe(
      'CRYPTO.CONFIG_INVALID',
    );
  });
});
