export type CryptoErrorCode =
  /** Authentication failed: the value was altered, moved to another row/column/tenant, or the key is wrong. */
  | 'CRYPTO.TAMPERED'
  /** The stored value names a key id the key ring does not hold (retired too early, or a foreign value). */
  | 'CRYPTO.UNKNOWN_KEY'
  /** The stored value is not in the expected layout (truncated, wrong tag length, bad encoding). */
  | 'CRYPTO.MALFORMED'
  /** The stored value uses a format version this build cannot read. */
  | 'CRYPTO.UNSUPPORTED_VERSION'
  /** The associated-data context is incomplete (no row id, no tenant where one is declared, empty names). */
  | 'CRYPTO.MISSING_CONTEXT'
  /** A value cannot be normalized or encrypted (wrong type, phone number not convertible to E.164). */
  | 'CRYPTO.INVALID_INPUT'
  /** Key configuration is missing, malformed, or a placeholder. */
  | 'CRYPTO.CONFIG_INVALID'
  /** A wrapped data key does not unwrap with the key-encryption key. */
  | 'CRYPTO.KEY_UNWRAP_FAILED'
  /** An entity's encryption declarations do not match its TypeORM mapping. */
  | 'CRYPTO.MAPPING_INVALID';

/**
 * The only error type the library throws for cryptographic failures. Messages may name key ids, properties,
 * tables and columns, but never plaintext, ciphertext or key material, so they are safe to log and to return.
 */
export class CryptoError extends Error {
  override readonly name = 'CryptoError';

  constructor(
    readonly code: CryptoErrorCode,
    /** The message without the code prefix, for wrapping with more context. */
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

export function isCryptoError(error: unknown, code?: CryptoErrorCode): error is CryptoError {
  return error instanceof CryptoError && (code === undefined || error.code === code);
}
