import { CryptoError } from './crypto.errors';
import { LocalKeyEncryptionProvider } from './local-key-encryption-provider';

const kek = (fill: number): Buffer => Buffer.alloc(32, fill);

async function codeOf(operation: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await operation();
  } catch (error: unknown) {
    return error instanceof CryptoError ? error.code : 'not a CryptoError';
  }
  return undefined;
}

describe(LocalKeyEncryptionProvider.name, () => {
  const sut = new LocalKeyEncryptionProvider(kek(7));
  const dataKey = Buffer.alloc(32, 9);

  it('should unwrap what it wrapped', async () => {
    const wrapped = await sut.wrapDataKey('dk1', dataKey);

    expect((await sut.unwrapDataKey('dk1', wrapped)).equals(dataKey)).toBe(true);
    expect(wrapped).not.toContain(dataKey.toString('base64'));
  });

  it('should refuse to unwrap with a different key-encryption key', async () => {
    const wrapped = await sut.wrapDataKey('dk1', dataKey);

    expect(await codeOf(() => new LocalKeyEncryptionProvider(kek(8)).unwrapDataKey('dk1', wrapped))).toBe(
      'CRYPTO.KEY_UNWRAP_FAILED',
    );
  });

  it('should refuse a wrapped key presented under another key id', async () => {
    const wrapped = await sut.wrapDataKey('dk1', dataKey);

    expect(await codeOf(() => sut.unwrapDataKey('dk2', wrapped))).toBe('CRYPTO.KEY_UNWRAP_FAILED');
  });

  it.each(['', 'not base64!', Buffer.alloc(20).toString('base64')])(
    'should refuse garbage %j',
    async (wrapped) => {
      expect(await codeOf(() => sut.unwrapDataKey('dk1', wrapped))).toBe('CRYPTO.KEY_UNWRAP_FAILED');
    },
  );

  it('should refuse a key-encryption key that is not 32 bytes', () => {
    expect(() => new LocalKeyEncryptionProvider(Buffer.alloc(16))).toThrow(CryptoError);
  });
});
