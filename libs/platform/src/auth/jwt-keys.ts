import { createPublicKey, type KeyObject } from 'node:crypto';

/**
 * Parses JWT_PUBLIC_KEYS, a JSON object of key id → SPKI PEM. Several keys may be listed so the
 * signing key can rotate: tokens name their key id (`kid`), and old keys stay until their tokens expire.
 */
export function parsePublicKeys(json: string): ReadonlyMap<string, KeyObject> {
  if (json.trim() === '') return new Map();
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error('JWT_PUBLIC_KEYS must be a JSON object of key id to PEM public key');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('JWT_PUBLIC_KEYS must be a JSON object of key id to PEM public key');
  }
  const keys = new Map<string, KeyObject>();
  for (const [kid, pem] of Object.entries(parsed)) {
    if (typeof pem !== 'string') throw new Error(`JWT_PUBLIC_KEYS[${kid}] must be a PEM string`);
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ec')
      throw new Error(`JWT_PUBLIC_KEYS[${kid}] must be an EC P-256 key (ES256)`);
    keys.set(kid, key);
  }
  return keys;
}
