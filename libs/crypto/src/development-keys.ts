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
/**
 * Blind-index key ids are generations (`bi1`, `bi2`, …), the same in every environment: an index column is
 * bound to one generation in code, so production must use the same id with its own key material.
 */
export const FIRST_BLIND_INDEX_KEY_ID = 'bi1';
export const DEVELOPMENT_BLIND_INDEX_KEY_ID = FIRST_BLIND_INDEX_KEY_ID;

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
