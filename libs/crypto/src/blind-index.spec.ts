import { BlindIndex, BlindIndexSpec } from './blind-index';
import { CryptoError } from './crypto.errors';
import { KeyRing } from './key-ring';

const ID: BlindIndexSpec = { kind: 'idNumber', domain: 'identity/candidates.id_number' };

function ring(active: string): KeyRing {
  return new KeyRing(
    'blind index',
    [
      ['bi1', Buffer.alloc(32, 1)],
      ['bi2', Buffer.alloc(32, 2)],
    ],
    active,
  );
}

describe(BlindIndex.name, () => {
  const sut = new BlindIndex(ring('bi1'));

  it('should produce 64 lower-case hex characters, deterministically', () => {
    const digest = sut.compute('11010519491231002X', ID);

    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(sut.compute('11010519491231002X', ID)).toBe(digest);
  });

  it('should give equal digests for values that normalize alike', () => {
    expect(sut.compute(' 11010519491231002x', ID)).toBe(sut.compute('11010519491231002X', ID));
    expect(sut.compute('138-1234-5678', { kind: 'phone', domain: 'd' })).toBe(
      sut.compute('+8613812345678', { kind: 'phone', domain: 'd' }),
    );
  });

  it('should differ per key and per domain', () => {
    const base = sut.compute('11010519491231002X', ID);

    expect(sut.compute('11010519491231002X', ID, 'bi2')).not.toBe(base);
    expect(sut.compute('11010519491231002X', { ...ID, domain: 'identity/other.id_number' })).not.toBe(base);
  });

  it('should use the active key by default', () => {
    expect(new BlindIndex(ring('bi2')).compute('x', { kind: 'text', domain: 'd' })).toBe(
      sut.compute('x', { kind: 'text', domain: 'd' }, 'bi2'),
    );
  });

  it('should compute one digest per key for a dual write', () => {
    const both = sut.computeForKeys('11010519491231002X', ID, ['bi1', 'bi2']);

    expect(both).toEqual({
      bi1: sut.compute('11010519491231002X', ID, 'bi1'),
      bi2: sut.compute('11010519491231002X', ID, 'bi2'),
    });
  });

  it('should refuse an unknown key with CRYPTO.UNKNOWN_KEY', () => {
    expect(() => sut.compute('x', ID, 'bi9')).toThrow(
      expect.objectContaining({ code: 'CRYPTO.UNKNOWN_KEY' }) as CryptoError,
    );
  });
});
