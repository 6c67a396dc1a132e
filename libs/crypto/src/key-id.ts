import { CryptoError } from './crypto.errors';

/** Key ids travel inside every stored value, so they are short, printable and free of the format's separator. */
export const KEY_ID_MAX_LENGTH = 32;
export const KEY_ID_PATTERN = new RegExp(`^[A-Za-z0-9_-]{1,${KEY_ID_MAX_LENGTH}}$`);

export function isValidKeyId(keyId: string): boolean {
  return KEY_ID_PATTERN.test(keyId);
}

export function assertValidKeyId(keyId: string, what: string): void {
  if (!isValidKeyId(keyId)) {
    throw new CryptoError('CRYPTO.CONFIG_INVALID', `${what} key id must match ${String(KEY_ID_PATTERN)}`);
  }
}
