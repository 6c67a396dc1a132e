import { createSecretKey, KeyObject } from 'node:crypto';

import { AES_KEY_BYTES } from './aes-gcm';
import { CryptoError } from './crypto.errors';
import { assertValidKeyId } from './key-id';

/**
 * A set of versioned 256-bit keys for one purpose; writes use the active key, reads use the key a value names.
 * Keys live in KeyObjects behind private fields, so neither util.inspect nor JSON.stringify can print them.
 */
export class KeyRing {
  readonly #keys: ReadonlyMap<string, KeyObject>;
  readonly #active: KeyObject;

  /** Raw key buffers are copied into KeyObjects and then zeroed, so callers hold no loose copies. */
  constructor(
    readonly purpose: string,
    keys: Iterable<readonly [string, Buffer]>,
    readonly activeKeyId: string,
  ) {
    const map = new Map<string, KeyObject>();
    for (const [keyId, raw] of keys) {
      assertValidKeyId(keyId, purpose);
      if (raw.length !== AES_KEY_BYTES) {
        throw new CryptoError(
          'CRYPTO.CONFIG_INVALID',
          `${purpose} key "${keyId}" must be ${AES_KEY_BYTES} bytes`,
        );
      }
      if (map.has(keyId))
        throw new CryptoError('CRYPTO.CONFIG_INVALID', `${purpose} key "${keyId}" is listed twice`);
      map.set(keyId, createSecretKey(Buffer.from(raw)));
      raw.fill(0);
    }
    const active = map.get(activeKeyId);
    if (active === undefined) {
      throw new CryptoError(
        'CRYPTO.CONFIG_INVALID',
        `${purpose} active key "${activeKeyId}" is not in the key ring`,
      );
    }
    this.#keys = map;
    this.#active = active;
  }

  get activeKey(): KeyObject {
    return this.#active;
  }

  get keyIds(): readonly string[] {
    return [...this.#keys.keys()];
  }

  has(keyId: string): boolean {
    return this.#keys.has(keyId);
  }

  key(keyId: string): KeyObject {
    const key = this.#keys.get(keyId);
    if (key === undefined) {
      throw new CryptoError('CRYPTO.UNKNOWN_KEY', `${this.purpose} key "${keyId}" is not in the key ring`);
    }
    return key;
  }

  /** True when any key of this ring equals any key of the other, to keep index and encryption keys apart. */
  sharesKeyWith(other: KeyRing): boolean {
    for (const mine of this.#keys.values()) {
      for (const theirs of other.#keys.values()) {
        if (mine.equals(theirs)) return true;
      }
    }
    return false;
  }
}
