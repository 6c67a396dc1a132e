import { randomBytes } from 'node:crypto';

import { GCM_NONCE_BYTES } from './aes-gcm';

const NONCES_PER_REFILL = 256;

let pool = Buffer.alloc(0);
let offset = 0;

/**
 * A fresh random 96-bit nonce. Drawn from a CSPRNG block refilled every 256 nonces, because one
 * randomBytes() call per value costs about as much as the encryption itself (Node's randomUUID caches the
 * same way). Each slice is handed out once and copied, so no two values ever share a nonce.
 */
export function freshNonce(): Buffer {
  if (offset + GCM_NONCE_BYTES > pool.length) {
    pool = randomBytes(GCM_NONCE_BYTES * NONCES_PER_REFILL);
    offset = 0;
  }
  const nonce = Buffer.from(pool.subarray(offset, offset + GCM_NONCE_BYTES));
  offset += GCM_NONCE_BYTES;
  return nonce;
}
