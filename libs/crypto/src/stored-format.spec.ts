import { formatStoredValue, keyIdOfStoredValue, parseStoredValue } from './stored-format';
import { cryptoErrorCodeOf } from './test/crypto-error-code';

const SEALED = { nonce: Buffer.alloc(12, 1), ciphertext: Buffer.from('abc'), tag: Buffer.alloc(16, 2) };

const codeOf = cryptoErrorCodeOf;

describe(parseStoredValue.name, () => {
  it('should parse what formatStoredValue writes', () => {
    const sut = parseStoredValue(formatStoredValue('k-1_a', SEALED));

    expect(sut).toMatchObject({ version: 1, keyId: 'k-1_a' });
    expect(sut.nonce.equals(SEALED.nonce)).toBe(true);
    expect(sut.ciphertext.toString()).toBe('abc');
    expect(sut.tag.equals(SEALED.tag)).toBe(true);
  });

  it.each([
    ['a non-string', 42, 'CRYPTO.MALFORMED'],
    ['an empty string', '', 'CRYPTO.MALFORMED'],
    ['plaintext', '13812345678', 'CRYPTO.MALFORMED'],
    ['a missing version', 'ef:k1:AAAA', 'CRYPTO.MALFORMED'],
    ['an unknown version', 'ef7:k1:AAAA', 'CRYPTO.UNSUPPORTED_VERSION'],
    ['an empty key id', 'ef1::AAAA', 'CRYPTO.MALFORMED'],
    ['a key id with bad characters', 'ef1:k.1:AAAA', 'CRYPTO.MALFORMED'],
    ['a key id over 32 characters', `ef1:${'k'.repeat(33)}:AAAA`, 'CRYPTO.MALFORMED'],
    ['no payload separator', 'ef1:k1', 'CRYPTO.MALFORMED'],
    ['a payload of 27 bytes', `ef1:k1:${Buffer.alloc(27).toString('base64url')}`, 'CRYPTO.MALFORMED'],
    ['padding characters', `ef1:k1:${Buffer.alloc(29).toString('base64')}`, 'CRYPTO.MALFORMED'],
    ['an impossible base64 length', `ef1:k1:${Buffer.alloc(30).toString('base64url')}A`, 'CRYPTO.MALFORMED'],
  ])('should refuse %s', (_case, value, code) => {
    expect(codeOf(() => parseStoredValue(value))).toBe(code);
  });
});

describe(keyIdOfStoredValue.name, () => {
  it('should read the key id without decoding the payload', () => {
    expect(keyIdOfStoredValue('ef1:dk20250101ab12:not-decoded')).toBe('dk20250101ab12');
  });
});
