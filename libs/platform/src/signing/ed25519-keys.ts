import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

/** An Ed25519 key pair as configuration text: the signer's secret and the verifiers' `kid=<base64 SPKI>` entry. */
export interface Ed25519KeyPairText {
  readonly keyId: string;
  /** Base64 DER PKCS#8 (secret). */
  readonly privateKey: string;
  /** One `kid=<base64 DER SPKI>` entry. */
  readonly publicKeys: string;
}

/**
 * Verifier keys as configuration text: `kid=<base64 DER SPKI>` entries separated by commas, so a new key can be
 * published to verifiers before the signer uses it (rotation without a flag day). `what` names the keys in errors.
 */
export function parseEd25519PublicKeys(value: string, what: string): ReadonlyMap<string, KeyObject> {
  const keys = new Map<string, KeyObject>();
  for (const entry of value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)) {
    const separator = entry.indexOf('=');
    if (separator <= 0) throw new Error(`${what} public keys must be "kid=<base64 SPKI>" entries`);
    const kid = entry.slice(0, separator);
    const key = createPublicKey({
      key: Buffer.from(entry.slice(separator + 1), 'base64'),
      format: 'der',
      type: 'spki',
    });
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${what} key "${kid}" is not an Ed25519 key`);
    keys.set(kid, key);
  }
  if (keys.size === 0) throw new Error(`at least one ${what} public key is required`);
  return keys;
}

/** The signing key as configuration text: base64 DER PKCS#8 of an Ed25519 private key. */
export function parseEd25519PrivateKey(value: string, what: string): KeyObject {
  const key = createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`the ${what} signing key is not an Ed25519 key`);
  return key;
}

function toText(keyId: string, privateKey: KeyObject, publicKey: KeyObject): Ed25519KeyPairText {
  return {
    keyId,
    privateKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    publicKeys: `${keyId}=${publicKey.export({ format: 'der', type: 'spki' }).toString('base64')}`,
  };
}

/** A fresh key pair in configuration format, for tests and local development. */
export function generateEd25519KeyPair(keyId: string): Ed25519KeyPairText {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return toText(keyId, privateKey, publicKey);
}

/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * A fixed key pair derived from a published seed label, so local runs of signer and verifiers agree without
 * configuration. Worthless as a secret: production configuration must refuse it.
 */
export function developmentEd25519KeyPair(seedLabel: string, keyId: string): Ed25519KeyPairText {
  const seed = createHash('sha256').update(seedLabel).digest();
  const privateKey = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return toText(keyId, privateKey, createPublicKey(privateKey));
}
