import { CryptoError } from '../crypto.errors';

/** The CryptoError code an operation fails with, or undefined when it succeeds (for denial-path specs). */
export function cryptoErrorCodeOf(operation: () => unknown): string | undefined {
  try {
    operation();
  } catch (error: unknown) {
    return error instanceof CryptoError ? error.code : 'not a CryptoError';
  }
  return undefined;
}
