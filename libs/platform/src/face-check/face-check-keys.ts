import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

/**
 * Verifier keys as configuration text: `kid=<base64 DER SPKI>` entries separated by commas, so a new key can
 * be published to verifiers before the identity service signs with it (rotation without a flag day).
 */
export function parseFaceCheckPublicKeys(value: string): ReadonlyMap<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)) {
    const separator = entry.indexOf('=');
    if (separator <= 0) throw new Error('face-check public keys must be "kid=<base64 SPKI>" entries');
    const kid = entry.slice(0, separator);
    const key = createPublicKey({
      key: Buffer.from(entry.slice(separator + 1), 'base64'),
      format: 'der',
      type: 'spki',
    });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`face-check key "${kid}" is not an Ed25519 key`);
    keys.set(kid, key);
  }
  if (keys.size === 0) throw new Error('at least one face-check public key is required');
  return keys;
}

/** The signing key as configuration text: base64 DER PKCS#8 of an Ed25519 private key. */
export function parseFaceCheckPrivateKey(value: string): KeyObject {
  const key = createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error('the face-check signing key is not an Ed25519 key');
  return key;
}

export interface FaceCheckKeyPairText {
  readonly keyId: string;
  /** For the identity service (secret). */
  readonly privateKey: string;
  /** For verifiers: one `kid=<base64 SPKI>` entry. */
  readonly publicKeys: string;
}

/** A fresh key pair in configuration format, for tests and local development. */
export function generateFaceCheckKeyPair(keyId: string): FaceCheckKeyPairText {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    keyId,
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKeys: `${keyId}=${publicKey.export({ format: 'der', type: 'spki' }).toString('base64')}`,
  };
}
