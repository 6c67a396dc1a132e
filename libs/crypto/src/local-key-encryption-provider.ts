import { createSecretKey, KeyObject, randomBytes } from 'node:crypto';

import { AES_KEY_BYTES, aesGcmDecrypt, aesGcmEncrypt, GCM_NONCE_BYTES, GCM_TAG_BYTES } from './aes-gcm';
import { CryptoError } from './crypto.errors';
import { KeyEncryptionProvider } from './key-encryption-provider';

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function wrapAad(keyId: string): Buffer {
  return Buffer.from(`exam-field-data-key:v1:${keyId}`, 'utf8');
}

/** Synchronous wrap, shared by the provider and the key generator. Output: base64(nonce ‖ wrapped key ‖ tag). */
export function wrapDataKeyLocally(kek: KeyObject, keyId: string, dataKey: Buffer): string {
  if (dataKey.length !== AES_KEY_BYTES) {
    throw new CryptoError('CRYPTO.INVALID_INPUT', `data key "${keyId}" must be ${AES_KEY_BYTES} bytes`);
  }
  const sealed = aesGcmEncrypt(kek, randomBytes(GCM_NONCE_BYTES), dataKey, wrapAad(keyId));
  return Buffer.concat([sealed.nonce, sealed.ciphertext, sealed.tag]).toString('base64');
}

/** Inverse of wrapDataKeyLocally; any failure is CRYPTO.KEY_UNWRAP_FAILED naming only the key id. */
export function unwrapDataKeyLocally(kek: KeyObject, keyId: string, wrapped: string): Buffer {
  const failed = new CryptoError(
    'CRYPTO.KEY_UNWRAP_FAILED',
    `data key "${keyId}" does not unwrap with the configured key-encryption key`,
  );
  if (typeof wrapped !== 'string' || !BASE64.test(wrapped)) throw failed;
  const bytes = Buffer.from(wrapped, 'base64');
  if (bytes.length !== GCM_NONCE_BYTES + AES_KEY_BYTES + GCM_TAG_BYTES) throw failed;
  try {
    return aesGcmDecrypt(
      kek,
      {
        nonce: bytes.subarray(0, GCM_NONCE_BYTES),
        ciphertext: bytes.subarray(GCM_NONCE_BYTES, GCM_NONCE_BYTES + AES_KEY_BYTES),
        tag: bytes.subarray(GCM_NONCE_BYTES + AES_KEY_BYTES),
      },
      wrapAad(keyId),
    );
  } catch {
    throw failed;
  } finally {
    bytes.fill(0);
  }
}

/** KEK from configuration, data keys wrapped with AES-256-GCM bound to their key id. */
export class LocalKeyEncryptionProvider implements KeyEncryptionProvider {
  readonly name = 'local';
  readonly #kek: KeyObject;

  /** The KEK buffer is copied into a KeyObject and zeroed. */
  constructor(kek: Buffer) {
    if (kek.length !== AES_KEY_BYTES) {
      throw new CryptoError('CRYPTO.CONFIG_INVALID', `key-encryption key must be ${AES_KEY_BYTES} bytes`);
    }
    this.#kek = createSecretKey(Buffer.from(kek));
    kek.fill(0);
  }

  wrapDataKey(keyId: string, dataKey: Buffer): Promise<string> {
    return Promise.resolve(wrapDataKeyLocally(this.#kek, keyId, dataKey));
  }

  unwrapDataKey(keyId: string, wrapped: string): Promise<Buffer> {
    return Promise.resolve().then(() => unwrapDataKeyLocally(this.#kek, keyId, wrapped));
  }
}
