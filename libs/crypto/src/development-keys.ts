import { createHash, createSecretKey } from 'node:crypto';
import { wrapDataKeyLocally } from './local-key-encryption-provider';

/**
 * Fixed, public keys so local runs and tests work without setup and keep reading their own data across
 * restarts. Derived from labels rather than committed as bytes; production refuses them.
 */
function derive(label: string): Buffer {
  return createHash('sha256').update(`exam-platform:development-only:${label}`).digest();
}

export const DEVELOPMENT_DATA_KEY_ID = 'dev1';
export const DEVELOPMENT_BLIND_INDEX_KEY_ID = 'bidev1';

export function developmentKek(): Buffer {
  return derive('field-kek');
}

export function developmentBlindIndexKey(): Buffer {
  return derive(`blind-index:${DEVELOPMENT_BLIND_INDEX_KEY_ID}`);
}

export function developmentWrappedDataKey(): string {
  return wrapDataKeyLocally(
    createSecretKey(developmentKek()),
    DEVELOPMENT_DATA_KEY_ID,
    derive(`data-key:${DEVELOPMENT_DATA_KEY_ID}`),
  );
}

export function isDevelopmentKey(key: Buffer): boolean {
  return key.equals(developmentKek()) || key.equals(developmentBlindIndexKey());
}
