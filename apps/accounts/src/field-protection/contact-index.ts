import { FIRST_BLIND_INDEX_KEY_ID } from '@exam/crypto';

/**
 * Blind-index key id of contact lookups. @BlindIndexColumn binds a column to one index key, so a key rotation
 * adds a column; until the first rotation this is the key the platform configures (its development default).
 */
export const CONTACT_INDEX_KEY_ID = FIRST_BLIND_INDEX_KEY_ID;
