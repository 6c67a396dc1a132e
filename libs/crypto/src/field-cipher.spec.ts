import { inspect } from 'node:util';

import { CryptoError } from './crypto.errors';
import { FieldCipher } from './field-cipher';
import { FieldContext } from './field-context';
import { KeyRing } from './key-ring';
import { encryptedTextColumnLength, formatStoredValue, parseStoredValue } from './stored-format';

const CONTEXT: FieldContext = {
  service: 'identity',
  table: 'candidates',
  column: 'id_number',
  rowId: '0b8f2d4e-1c3a-4f5b-9d7e-2a6c8e0f1b3d',
};
const PLAINTEXT = '11010519491231002X';
/** Produced once by format version 1 with key 0x42×32 and nonce 00..0b; must stay readable forever. */
const STORED_V1 = 'ef1:dk1:AAECAwQFBgcICQoLNO-h7IEZwzKpP3Uh4uxrCwDFUyLB-psGV2cI9GgLPSwKDQ';

function ring(entries: Record<string, number>, active: string): KeyRing {
  return new KeyRing(
    'field encryption',
    Object.entries(entries).map(([keyId, fill]) => [keyId, Buffer.alloc(32, fill)] as const),
    active,
  );
}

function failure(operation: () => unknown): CryptoError {
  try {
    operation();
  } catch (error: unknown) {
    if (error instanceof CryptoError) return error;
    throw error;
  }
  throw new Error('expected a CryptoError');
}

function withPayload(stored: string, edit: (payload: Buffer) => Buffer): string {
  const value = parseStoredValue(stored);
  const payload = edit(Buffer.concat([value.nonce, value.ciphertext, value.tag]));
  return `${stored.slice(0, stored.lastIndexOf(':') + 1)}${payload.toString('base64url')}`;
}

function flipByte(index: number): (payload: Buffer) => Buffer {
  return (payload) => {
    const copy = Buffer.from(payload);
    const at = index < 0 ? copy.length + index : index;
    copy[at] = (copy[at] ?? 0) ^ 0x80;
    return copy;
  };
}

describe(FieldCipher.name, () => {
  const sut = new FieldCipher(ring({ dk1: 0x42 }, 'dk1'));

  it('should decrypt the fixed version-1 vector', () => {
    expect(sut.decrypt(STORED_V1, CONTEXT)).toBe(PLAINTEXT);
  });

  it.each([PLAINTEXT, '', '张小明', '𠮷野家 · 🍣', 'a'.repeat(4096)])('should round-trip %j', (plaintext) => {
    const stored = sut.encrypt(plaintext, CONTEXT);

    expect(sut.decrypt(stored, CONTEXT)).toBe(plaintext);
  });

  it('should write the self-describing format with the active key id', () => {
    const stored = sut.encrypt(PLAINTEXT, CONTEXT);

    expect(stored).toMatch(/^ef1:dk1:[A-Za-z0-9_-]+$/);
    expect(sut.keyIdOf(stored)).toBe('dk1');
    expect(stored).not.toContain(PLAINTEXT);
  });

  it('should use a fresh nonce for every value', () => {
    const nonces = new Set(
      Array.from({ length: 200 }, () =>
        parseStoredValue(sut.encrypt(PLAINTEXT, CONTEXT)).nonce.toString('hex'),
      ),
    );

    expect(nonces.size).toBe(200);
  });

  it.each<[string, Partial<FieldContext>]>([
    ['service', { service: 'exam' }],
    ['table', { table: 'candidates_archive' }],
    ['column', { column: 'phone' }],
    ['rowId', { rowId: '0b8f2d4e-1c3a-4f5b-9d7e-2a6c8e0f1b3e' }],
    ['tenantId (added)', { tenantId: 't1' }],
  ])('should refuse the value under a different %s with CRYPTO.TAMPERED', (_field, change) => {
    const stored = sut.encrypt(PLAINTEXT, CONTEXT);

    expect(failure(() => sut.decrypt(stored, { ...CONTEXT, ...change })).code).toBe('CRYPTO.TAMPERED');
  });

  it('should bind the tenant: another tenant and no tenant both fail', () => {
    const stored = sut.encrypt(PLAINTEXT, { ...CONTEXT, tenantId: 't1' });

    expect(sut.decrypt(stored, { ...CONTEXT, tenantId: 't1' })).toBe(PLAINTEXT);
    expect(failure(() => sut.decrypt(stored, { ...CONTEXT, tenantId: 't2' })).code).toBe('CRYPTO.TAMPERED');
    expect(failure(() => sut.decrypt(stored, CONTEXT)).code).toBe('CRYPTO.TAMPERED');
  });

  it('should not let names run together across context fields', () => {
    const stored = sut.encrypt(PLAINTEXT, { ...CONTEXT, table: 'ab', column: 'c' });

    expect(failure(() => sut.decrypt(stored, { ...CONTEXT, table: 'a', column: 'bc' })).code).toBe(
      'CRYPTO.TAMPERED',
    );
  });

  it.each([
    ['nonce', flipByte(0)],
    ['ciphertext', flipByte(14)],
    ['tag', flipByte(-1)],
  ])('should refuse a tampered %s with CRYPTO.TAMPERED', (_part, edit) => {
    const tampered = withPayload(sut.encrypt(PLAINTEXT, CONTEXT), edit);

    expect(failure(() => sut.decrypt(tampered, CONTEXT)).code).toBe('CRYPTO.TAMPERED');
  });

  it('should refuse a value whose tag was cut short', () => {
    const truncated = withPayload(sut.encrypt(PLAINTEXT, CONTEXT), (payload) =>
      payload.subarray(0, payload.length - 4),
    );

    expect(['CRYPTO.TAMPERED', 'CRYPTO.MALFORMED']).toContain(
      failure(() => sut.decrypt(truncated, CONTEXT)).code,
    );
  });

  it.each([
    ['shorter than nonce and tag', (stored: string) => stored.slice(0, 20)],
    ['without a payload', (stored: string) => stored.slice(0, stored.lastIndexOf(':') + 1)],
    ['with characters outside base64url', (stored: string) => `${stored.slice(0, -2)}+/`],
    ['not in the format at all', () => PLAINTEXT],
  ])('should refuse a value %s with CRYPTO.MALFORMED', (_case, edit) => {
    const broken = edit(sut.encrypt(PLAINTEXT, CONTEXT));

    expect(failure(() => sut.decrypt(broken, CONTEXT)).code).toBe('CRYPTO.MALFORMED');
  });

  it('should refuse an unknown key id with CRYPTO.UNKNOWN_KEY', () => {
    const other = new FieldCipher(ring({ dk9: 0x09 }, 'dk9'));

    expect(failure(() => sut.decrypt(other.encrypt(PLAINTEXT, CONTEXT), CONTEXT)).code).toBe(
      'CRYPTO.UNKNOWN_KEY',
    );
  });

  it('should refuse a value encrypted under a different key with the same id with CRYPTO.TAMPERED', () => {
    const impostor = new FieldCipher(ring({ dk1: 0x43 }, 'dk1'));

    expect(failure(() => sut.decrypt(impostor.encrypt(PLAINTEXT, CONTEXT), CONTEXT)).code).toBe(
      'CRYPTO.TAMPERED',
    );
  });

  it('should refuse a value relabelled with another known key id', () => {
    const both = new FieldCipher(ring({ dk1: 0x42, dk2: 0x24 }, 'dk2'));
    const stored = both.encrypt(PLAINTEXT, CONTEXT);
    const relabelled = stored.replace('ef1:dk2:', 'ef1:dk1:');

    expect(failure(() => both.decrypt(relabelled, CONTEXT)).code).toBe('CRYPTO.TAMPERED');
  });

  it('should refuse an unsupported format version with CRYPTO.UNSUPPORTED_VERSION', () => {
    expect(failure(() => sut.decrypt(STORED_V1.replace('ef1:', 'ef2:'), CONTEXT)).code).toBe(
      'CRYPTO.UNSUPPORTED_VERSION',
    );
  });

  it('should read values under the old key and write under the new one after rotation', () => {
    const rotated = new FieldCipher(ring({ dk1: 0x42, dk2: 0x24 }, 'dk2'));

    const fresh = rotated.reencrypt(STORED_V1, CONTEXT);

    expect(rotated.decrypt(STORED_V1, CONTEXT)).toBe(PLAINTEXT);
    expect(rotated.keyIdOf(fresh)).toBe('dk2');
    expect(rotated.isCurrent(fresh)).toBe(true);
    expect(rotated.isCurrent(STORED_V1)).toBe(false);
    expect(rotated.decrypt(fresh, CONTEXT)).toBe(PLAINTEXT);
  });

  it('should keep plaintext, ciphertext and key material out of every error', () => {
    const stored = sut.encrypt(PLAINTEXT, CONTEXT);
    const errors = [
      failure(() => sut.decrypt(withPayload(stored, flipByte(14)), CONTEXT)),
      failure(() => sut.decrypt(stored, { ...CONTEXT, rowId: 'other' })),
      failure(() => sut.decrypt(stored.slice(0, 30), CONTEXT)),
      failure(() => new FieldCipher(ring({ dk3: 1 }, 'dk3')).decrypt(stored, CONTEXT)),
    ];

    for (const error of errors) {
      const text = `${error.message} ${inspect(error)}`;
      expect(text).not.toContain(PLAINTEXT);
      expect(text).not.toContain(stored.slice(8, 30));
      expect(text).not.toContain(Buffer.alloc(32, 0x42).toString('base64'));
      expect(text).not.toContain(Buffer.alloc(32, 0x42).toString('hex'));
    }
  });

  it('should refuse an incomplete context with CRYPTO.MISSING_CONTEXT', () => {
    expect(failure(() => sut.encrypt(PLAINTEXT, { ...CONTEXT, rowId: '' })).code).toBe(
      'CRYPTO.MISSING_CONTEXT',
    );
  });

  it('should round-trip a value copied back byte for byte', () => {
    const value = parseStoredValue(sut.encrypt(PLAINTEXT, CONTEXT));

    expect(sut.decrypt(formatStoredValue(value.keyId, value), CONTEXT)).toBe(PLAINTEXT);
  });
});

describe(encryptedTextColumnLength.name, () => {
  const longestKeyId = 'k'.repeat(32);
  const sut = new FieldCipher(ring({ [longestKeyId]: 0x42 }, longestKeyId));

  it.each([
    ['ASCII', 'a'],
    ['a CJK character (3 bytes in UTF-8)', '测'],
    ['a CJK Extension B character of a rare name (4 bytes, one character to a validator)', '𠀀'],
  ])('should hold the longest value a validator lets through, in %s', (_case, character) => {
    for (const characters of [1, 64, 100, 200, 254]) {
      const stored = sut.encrypt(Array.from({ length: characters }, () => character).join(''), CONTEXT);
      expect(stored.length).toBeLessThanOrEqual(encryptedTextColumnLength(characters));
    }
  });

  it('should be exact for 4-byte characters under the longest key id', () => {
    const stored = sut.encrypt('𠀀'.repeat(100), CONTEXT);
    expect(stored.length).toBe(encryptedTextColumnLength(100));
  });
});
