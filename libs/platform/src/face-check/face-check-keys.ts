import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

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

/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
export const DEVELOPMENT_FACE_CHECK_KEY_ID = 'fcdev1';

/**
 * A fixed, public key pair so that local runs of identity and exam agree without configuration. Derived from a
 * published seed, hence worthless as a secret: production configuration must refuse it (see
 * isDevelopmentFaceCheckKey), as it refuses the crypto lib's development keys.
 */
export function developmentFaceCheckKeyPair(): FaceCheckKeyPairText {
  const seed = createHash('sha256').update('exam-platform development face-check key v1').digest();
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = createPublicKey(privateKey);
  return {
    keyId: DEVELOPMENT_FACE_CHECK_KEY_ID,
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKeys: `${DEVELOPMENT_FACE_CHECK_KEY_ID}=${publicKey.export({ format: 'der', type: 'spki' }).toString('base64')}`,
  };
}

export function isDevelopmentFaceCheckKey(privateKeyText: string): boolean {
  return privateKeyText.trim() === developmentFaceCheckKeyPair().privateKey;
}
