import { createDecipheriv, createSecretKey } from 'node:crypto';

import { aesGcmDecrypt, aesGcmEncrypt, GcmSealed } from './aes-gcm';
import { cryptoErrorCodeOf } from './test/crypto-error-code';

// McGrew & Viega, "The Galois/Counter Mode of Operation", test case 16 (AES-256, 96-bit IV, with AAD).
const VECTOR = {
  key: 'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308',
  nonce: 'cafebabefacedbaddecaf888',
  plaintext:
    'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
  aad: 'feedfacedeadbeeffeedfacedeadbeefabaddad2',
  ciphertext:
    '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662',
  tag: '76fc6ece0f4e1768cddf8853bb2d551b',
};

const hex = (value: string): Buffer => Buffer.from(value, 'hex');
const key = createSecretKey(hex(VECTOR.key));
const sealed: GcmSealed = {
  nonce: hex(VECTOR.nonce),
  ciphertext: hex(VECTOR.ciphertext),
  tag: hex(VECTOR.tag),
};

function flip(buffer: Buffer, index = 0): Buffer {
  const copy = Buffer.from(buffer);
  copy[index] = (copy[index] ?? 0) ^ 0x01;
  return copy;
}

const codeOf = cryptoErrorCodeOf;

describe(aesGcmEncrypt.name, () => {
  it('should produce the published ciphertext and tag for the known-answer vector', () => {
    const sut = aesGcmEncrypt(key, hex(VECTOR.nonce), hex(VECTOR.plaintext), hex(VECTOR.aad));

    expect(sut.ciphertext.toString('hex')).toBe(VECTOR.ciphertext);
    expect(sut.tag.toString('hex')).toBe(VECTOR.tag);
  });

  it('should refuse a nonce that is not 96 bits', () => {
    expect(codeOf(() => aesGcmEncrypt(key, Buffer.alloc(16), Buffer.alloc(1), Buffer.alloc(0)))).toBe(
      'CRYPTO.INVALID_INPUT',
    );
  });
});

describe(aesGcmDecrypt.name, () => {
  it('should decrypt the known-answer vector', () => {
    expect(aesGcmDecrypt(key, sealed, hex(VECTOR.aad)).toString('hex')).toBe(VECTOR.plaintext);
  });

  it.each([
    ['ciphertext', { ...sealed, ciphertext: flip(sealed.ciphertext, 7) }],
    ['tag', { ...sealed, tag: flip(sealed.tag, 15) }],
    ['nonce', { ...sealed, nonce: flip(sealed.nonce, 3) }],
  ])('should refuse a tampered %s with CRYPTO.TAMPERED', (_part, tampered) => {
    expect(codeOf(() => aesGcmDecrypt(key, tampered, hex(VECTOR.aad)))).toBe('CRYPTO.TAMPERED');
  });

  it('should refuse different associated data with CRYPTO.TAMPERED', () => {
    expect(codeOf(() => aesGcmDecrypt(key, sealed, flip(hex(VECTOR.aad))))).toBe('CRYPTO.TAMPERED');
  });

  it('should refuse a wrong key with CRYPTO.TAMPERED', () => {
    const wrong = createSecretKey(flip(hex(VECTOR.key), 31));

    expect(codeOf(() => aesGcmDecrypt(wrong, sealed, hex(VECTOR.aad)))).toBe('CRYPTO.TAMPERED');
  });

  it.each([4, 8, 12, 13, 15])('should refuse the genuine tag truncated to %i bytes', (length) => {
    const truncated = { ...sealed, tag: sealed.tag.subarray(0, length) };

    expect(codeOf(() => aesGcmDecrypt(key, truncated, hex(VECTOR.aad)))).toBe('CRYPTO.MALFORMED');
  });

  it('should refuse an over-long tag', () => {
    const long = { ...sealed, tag: Buffer.concat([sealed.tag, Buffer.from([0])]) };

    expect(codeOf(() => aesGcmDecrypt(key, long, hex(VECTOR.aad)))).toBe('CRYPTO.MALFORMED');
  });

  it('should need its own length check, because an unpinned Node decipher accepts a truncated tag', () => {
    // Demonstrates the hazard the length check guards against: unpinned, Node accepts a 12-byte prefix.
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.nonce);
    decipher.setAAD(hex(VECTOR.aad));
    decipher.setAuthTag(sealed.tag.subarray(0, 12));
    decipher.update(sealed.ciphertext);

    expect(() => decipher.final()).not.toThrow();
  });
});
