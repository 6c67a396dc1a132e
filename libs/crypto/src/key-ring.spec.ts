import { inspect } from 'node:util';

import { KeyRing } from './key-ring';
import { cryptoErrorCodeOf } from './test/crypto-error-code';

function key(fill: number): Buffer {
  return Buffer.alloc(32, fill);
}

const codeOf = cryptoErrorCodeOf;

describe(KeyRing.name, () => {
  it('should hold several versions and name the active one', () => {
    const sut = new KeyRing(
      'test',
      [
        ['k1', key(1)],
        ['k2', key(2)],
      ],
      'k2',
    );

    expect(sut.keyIds).toEqual(['k1', 'k2']);
    expect(sut.activeKeyId).toBe('k2');
    expect(sut.activeKey.equals(sut.key('k2'))).toBe(true);
    expect(sut.has('k1')).toBe(true);
  });

  it('should throw CRYPTO.UNKNOWN_KEY for a key it does not hold', () => {
    const sut = new KeyRing('test', [['k1', key(1)]], 'k1');

    expect(codeOf(() => sut.key('k0'))).toBe('CRYPTO.UNKNOWN_KEY');
  });

  it.each([
    ['a short key', [['k1', Buffer.alloc(16, 1)]], 'k1'],
    ['an active id not in the ring', [['k1', key(1)]], 'k2'],
    [
      'a duplicate id',
      [
        ['k1', key(1)],
        ['k1', key(2)],
      ],
      'k1',
    ],
    ['an id with a separator', [['k:1', key(1)]], 'k:1'],
  ] as const)('should refuse %s with CRYPTO.CONFIG_INVALID', (_case, keys, active) => {
    const entries = keys.map(([id, raw]) => [id, Buffer.from(raw)] as const);

    expect(codeOf(() => new KeyRing('test', entries, active))).toBe('CRYPTO.CONFIG_INVALID');
  });

  it('should zero the buffers it was given and never print key material', () => {
    const raw = key(0x5a);
    const sut = new KeyRing('test', [['k1', raw]], 'k1');
    const printed = `${inspect(sut, { depth: 5, showHidden: true })} ${JSON.stringify(sut)}`;

    expect(raw.every((byte) => byte === 0)).toBe(true);
    expect(printed).not.toContain(key(0x5a).toString('hex'));
    expect(printed).not.toContain(key(0x5a).toString('base64'));
    expect(printed).not.toContain('90, 90, 90');
  });

  it('should detect a key shared with another ring', () => {
    const sut = new KeyRing('data', [['k1', key(1)]], 'k1');

    expect(sut.sharesKeyWith(new KeyRing('index', [['i1', key(1)]], 'i1'))).toBe(true);
    expect(sut.sharesKeyWith(new KeyRing('index', [['i1', key(2)]], 'i1'))).toBe(false);
  });
});
