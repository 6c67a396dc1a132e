import { aesGcmDecrypt, aesGcmEncrypt } from './aes-gcm';
import { CryptoError } from './crypto.errors';
import { associatedData, FieldContext } from './field-context';
import { KeyRing } from './key-ring';
import { freshNonce } from './nonce-source';
import { formatStoredValue, keyIdOfStoredValue, parseStoredValue } from './stored-format';

/** Encrypts single string values for storage; every value gets a fresh random nonce and is bound to its context. */
export class FieldCipher {
  constructor(private readonly keys: KeyRing) {}

  get activeKeyId(): string {
    return this.keys.activeKeyId;
  }

  encrypt(plaintext: string, context: FieldContext): string {
    if (typeof plaintext !== 'string') {
      throw new CryptoError(
        'CRYPTO.INVALID_INPUT',
        `only strings can be encrypted (column ${context.column})`,
      );
    }
    const keyId = this.keys.activeKeyId;
    const sealed = aesGcmEncrypt(
      this.keys.activeKey,
      freshNonce(),
      Buffer.from(plaintext, 'utf8'),
      associatedData(keyId, context),
    );
    return formatStoredValue(keyId, sealed);
  }

  decrypt(stored: string, context: FieldContext): string {
    const value = parseStoredValue(stored);
    const key = this.keys.key(value.keyId);
    return aesGcmDecrypt(key, value, associatedData(value.keyId, context)).toString('utf8');
  }

  keyIdOf(stored: string): string {
    return keyIdOfStoredValue(stored);
  }

  /** True when the value is already under the active key; malformed values count as not current. */
  isCurrent(stored: string): boolean {
    try {
      return keyIdOfStoredValue(stored) === this.keys.activeKeyId;
    } catch {
      return false;
    }
  }

  /** Decrypts under whichever key the value names and encrypts again under the active key. */
  reencrypt(stored: string, context: FieldContext): string {
    return this.encrypt(this.decrypt(stored, context), context);
  }
}
