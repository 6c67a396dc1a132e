import { blindIndexColumnGuard, encryptedColumnGuard, noteFieldEncryptionRegistered } from './column-guards';

const STORED = 'ef1:dk1:AAECAwQFBgcICQoLNO-h7IEZwzKpP3Uh4uxrCwDFUyLB-psGV2cI9GgLPSwKDQ';

/** ValueTransformer is typed with `any`; these views keep the assertions type-checked. */
function view(transformer: typeof encryptedColumnGuard): {
  to(value: unknown): unknown;
  from(value: unknown): unknown;
} {
  return {
    to: (value) => transformer.to(value) as unknown,
    from: (value) => transformer.from(value) as unknown,
  };
}

describe('encryptedColumnGuard', () => {
  const sut = view(encryptedColumnGuard);

  it('should refuse any value before field encryption is registered', () => {
    expect(() => sut.to('13812345678')).toThrow('CRYPTO.MAPPING_INVALID');
  });

  describe('once registered', () => {
    beforeAll(() => {
      noteFieldEncryptionRegistered();
    });

    it('should pass stored values, null and undefined through', () => {
      expect(sut.to(STORED)).toBe(STORED);
      expect(sut.to(null)).toBeNull();
      expect(sut.to(undefined)).toBeUndefined();
    });

    it('should turn a plaintext into a token that hides it but compares equal for equal plaintexts', () => {
      const token = sut.to('13812345678') as string;

      expect(token).toMatch(/^redacted:[0-9a-f]{64}$/);
      expect(token).not.toContain('13812345678');
      expect(sut.to('13812345678')).toBe(token);
      expect(sut.to('13812345679')).not.toBe(token);
    });

    it('should refuse non-strings', () => {
      expect(() => sut.to(13812345678)).toThrow('CRYPTO.INVALID_INPUT');
    });

    it('should read values back unchanged', () => {
      expect(sut.from(STORED)).toBe(STORED);
    });
  });
});

describe('blindIndexColumnGuard', () => {
  const sut = view(blindIndexColumnGuard);

  it('should pass digests and null through', () => {
    expect(sut.to('a'.repeat(64))).toBe('a'.repeat(64));
    expect(sut.to(null)).toBeNull();
  });

  it.each(['11010519491231002X', 'A'.repeat(64), 42])('should refuse %p without echoing it', (value) => {
    expect(() => sut.to(value)).toThrow(expect.objectContaining({ code: 'CRYPTO.INVALID_INPUT' }) as Error);
    expect(() => sut.to(value)).not.toThrow(String(value));
  });
});
