import { randomBytes } from 'node:crypto';

import { ChainKeyInvalidError } from './audit-log.errors';
import { chainKeyIdOf, ChainKeyRing } from './chain-key-ring';

describe(ChainKeyRing.name, () => {
  it('should write with the first key and verify with every listed key', () => {
    const [current, retired] = [randomBytes(32), randomBytes(48)];

    const sut = ChainKeyRing.parse(` ${current.toString('base64')} , ${retired.toString('base64url')}`);

    expect(sut.activeKeyId).toBe(chainKeyIdOf(current));
    expect(sut.activeKey.equals(current)).toBe(true);
    expect(sut.keyOf(chainKeyIdOf(retired))?.equals(retired)).toBe(true);
    expect(sut.keyOf(chainKeyIdOf(randomBytes(32)))).toBeUndefined();
  });

  it.each([
    ['nothing', ''],
    ['a short key', randomBytes(16).toString('base64')],
    ['text that is not base64', 'not a key!'],
  ])('should refuse %s with a message naming the variable', (_what, text) => {
    expect(() => ChainKeyRing.parse(text)).toThrow(ChainKeyInvalidError);
    expect(() => ChainKeyRing.parse(text)).toThrow('AUDIT_CHAIN_KEYS cannot be used');
  });

  it('should make a random key per process only when none is configured', () => {
    expect(ChainKeyRing.fromEnv('').activeKeyId).not.toBe(ChainKeyRing.fromEnv('').activeKeyId);
    const key = randomBytes(32).toString('base64');
    expect(ChainKeyRing.fromEnv(key).activeKeyId).toBe(ChainKeyRing.fromEnv(key).activeKeyId);
  });
});
