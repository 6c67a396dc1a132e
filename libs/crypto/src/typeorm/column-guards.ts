import { createHmac, randomBytes } from 'node:crypto';

import { ValueTransformer } from 'typeorm';

import { CryptoError } from '../crypto.errors';

const STORED_HEADER = /^ef[0-9]{1,3}:[A-Za-z0-9_-]{1,32}:/;
const DIGEST = /^[0-9a-f]{64}$/;
/** Per process and never persisted: tokens only need to be equal for equal inputs within this process. */
const TOKEN_KEY = randomBytes(32);

let registrations = 0;

/** Called by registerFieldEncryption; until then the guards refuse to let any value through. */
export function noteFieldEncryptionRegistered(): void {
  registrations += 1;
}

function redactedToken(value: string): string {
  return `redacted:${createHmac('sha256', TOKEN_KEY).update(value, 'utf8').digest('hex')}`;
}

/**
 * Transformer on every encrypted column. Stored values pass through. A plaintext string reaching it means
 * TypeORM is comparing values for change detection or building a where clause: it gets an opaque token that
 * compares equal for equal plaintexts, never matches a stored value, and is safe to appear in query logs.
 */
export const encryptedColumnGuard: ValueTransformer = {
  to(value: unknown): unknown {
    if (value === null || value === undefined) return value;
    if (registrations === 0) {
      throw new CryptoError(
        'CRYPTO.MAPPING_INVALID',
        'encrypted column used before registerFieldEncryption()',
      );
    }
    if (typeof value !== 'string') {
      throw new CryptoError('CRYPTO.INVALID_INPUT', 'encrypted columns hold strings or null');
    }
    return STORED_HEADER.test(value) ? value : redactedToken(value);
  },
  from(value: unknown): unknown {
    return value;
  },
};

/** Transformer on blind-index columns: only digests may be written or searched for, never a raw value. */
export const blindIndexColumnGuard: ValueTransformer = {
  to(value: unknown): unknown {
    if (value === null || value === undefined) return value;
    if (typeof value === 'string' && DIGEST.test(value)) return value;
    throw new CryptoError(
      'CRYPTO.INVALID_INPUT',
      'blind-index columns take digests; build lookups with FieldEncryptionSubscriber.blindIndexWhere()',
    );
  },
  from(value: unknown): unknown {
    return value;
  },
};
