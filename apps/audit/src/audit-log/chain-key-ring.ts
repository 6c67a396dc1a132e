import { createHash, randomBytes } from 'node:crypto';

import { ChainKeyInvalidError } from './audit-log.errors';

/** Fewest bytes of an HMAC-SHA256 chain key: shorter keys are guessable offline from the rows. */
export const MIN_CHAIN_KEY_BYTES = 32;

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** The key id stored with each entry: a fingerprint of the key, so a wrong key is told apart from tampering. */
export function chainKeyIdOf(key: Buffer): string {
  return createHash('sha256').update('audit-chain-key:').update(key).digest('hex').slice(0, 16);
}

/**
 * The HMAC keys of the audit chain, kept outside the database (AUDIT_CHAIN_KEYS): the first writes new
 * entries, all of them verify, so a key can be rotated by putting the new one first and keeping the old.
 */
export class ChainKeyRing {
  private readonly keys = new Map<string, Buffer>();
  readonly activeKeyId: string;

  constructor(keys: readonly Buffer[]) {
    if (keys.length === 0) throw new ChainKeyInvalidError('no key is configured');
    const active = keys[0];
    for (const key of keys) {
      if (key.length < MIN_CHAIN_KEY_BYTES)
        throw new ChainKeyInvalidError(`every key must be at least ${MIN_CHAIN_KEY_BYTES} bytes`);
      this.keys.set(chainKeyIdOf(key), key);
    }
    this.activeKeyId = chainKeyIdOf(active);
  }

  /** Comma-separated base64 keys, newest first. */
  static parse(text: string): ChainKeyRing {
    const parts = text
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    if (parts.some((p) => !BASE64.test(p))) throw new ChainKeyInvalidError('a key is not base64');
    // Node's base64 decoder reads the URL-safe alphabet too.
    return new ChainKeyRing(parts.map((p) => Buffer.from(p, 'base64')));
  }

  /** `text` empty gives a random key per process (development and tests only; production refuses it). */
  static fromEnv(text: string): ChainKeyRing {
    return text.trim() === ''
      ? new ChainKeyRing([randomBytes(MIN_CHAIN_KEY_BYTES)])
      : ChainKeyRing.parse(text);
  }

  get activeKey(): Buffer {
    const key = this.keys.get(this.activeKeyId);
    if (key === undefined) throw new ChainKeyInvalidError('the active key is missing');
    return key;
  }

  keyOf(keyId: string): Buffer | undefined {
    return this.keys.get(keyId);
  }
}
