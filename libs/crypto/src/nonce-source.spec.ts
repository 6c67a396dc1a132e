import { freshNonce } from './nonce-source';

describe(freshNonce.name, () => {
  it('should hand out distinct 12-byte nonces across pool refills', () => {
    const nonces = Array.from({ length: 1000 }, () => freshNonce());

    expect(nonces.every((nonce) => nonce.length === 12)).toBe(true);
    expect(new Set(nonces.map((nonce) => nonce.toString('hex'))).size).toBe(1000);
  });

  it('should return copies that do not change when the pool is reused', () => {
    const first = freshNonce();
    const snapshot = Buffer.from(first);

    for (let i = 0; i < 600; i++) freshNonce();

    expect(first.equals(snapshot)).toBe(true);
  });
});
