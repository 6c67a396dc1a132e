import { createCipheriv, createDecipheriv, KeyObject } from 'node:crypto';

import { CryptoError } from './crypto.errors';

export const AES_KEY_BYTES = 32;
export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;

const ALGORITHM = 'aes-256-gcm';

export interface GcmSealed {
  readonly nonce: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
}

/** The caller supplies the nonce so nonce generation (and its uniqueness) stays in one audited place. */
export function aesGcmEncrypt(key: KeyObject, nonce: Buffer, plaintext: Buffer, aad: Buffer): GcmSealed {
  if (nonce.length !== GCM_NONCE_BYTES) {
    throw new CryptoError('CRYPTO.INVALID_INPUT', `AES-GCM nonce must be ${GCM_NONCE_BYTES} bytes`);
  }
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: GCM_TAG_BYTES });
  cipher.setAAD(aad);
  const first = cipher.update(plaintext);
  const last = cipher.final();
  return {
    nonce,
    ciphertext: last.length === 0 ? first : Buffer.concat([first, last]),
    tag: cipher.getAuthTag(),
  };
}

/**
 * Node's GCM decipher accepts tags as short as 4 bytes unless `authTagLength` is pinned, which would let a
 * forger truncate the tag and brute-force it; the length is therefore checked here and pinned in the decipher.
 */
export function aesGcmDecrypt(key: KeyObject, sealed: GcmSealed, aad: Buffer): Buffer {
  if (sealed.tag.length !== GCM_TAG_BYTES) {
    throw new CryptoError('CRYPTO.MALFORMED', `AES-GCM tag must be ${GCM_TAG_BYTES} bytes`);
  }
  if (sealed.nonce.length !== GCM_NONCE_BYTES) {
    throw new CryptoError('CRYPTO.MALFORMED', `AES-GCM nonce must be ${GCM_NONCE_BYTES} bytes`);
  }
  const decipher = createDecipheriv(ALGORITHM, key, sealed.nonce, { authTagLength: GCM_TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.tag);
  const first = decipher.update(sealed.ciphertext);
  let last: Buffer;
  try {
    last = decipher.final();
  } catch {
    // The native message carries no data, but a fixed message keeps the contract independent of Node versions.
    throw new CryptoError(
      'CRYPTO.TAMPERED',
      'authentication failed: the value was altered, moved to another row or column, or the key is wrong',
    );
  }
  return last.length === 0 ? first : Buffer.concat([first, last]);
}
