/**
 * Wraps and unwraps data keys with a key-encryption key (KEK). Production can implement this over a KMS or
 * Vault transit so the KEK never enters the process; only unwrapped data keys are held in memory.
 * Implementations must bind the key id into the wrapping (e.g. as AAD or encryption context) so a wrapped key
 * cannot be relabelled, and must throw CryptoError `CRYPTO.KEY_UNWRAP_FAILED` without echoing the input.
 */
export interface KeyEncryptionProvider {
  /** Short label for logs and errors, e.g. `local`, `aws-kms`, `vault-transit`. */
  readonly name: string;
  wrapDataKey(keyId: string, dataKey: Buffer): Promise<string>;
  unwrapDataKey(keyId: string, wrapped: string): Promise<Buffer>;
}
