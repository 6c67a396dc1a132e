import type { KeyObject } from 'node:crypto';

import {
  developmentEd25519KeyPair,
  type Ed25519KeyPairText,
  generateEd25519KeyPair,
  parseEd25519PrivateKey,
  parseEd25519PublicKeys,
} from '../signing/ed25519-keys';

/** Verifier keys as configuration text (`kid=<base64 DER SPKI>`, comma separated). */
export function parseFaceCheckPublicKeys(value: string): ReadonlyMap<string, KeyObject> {
  return parseEd25519PublicKeys(value, 'face-check');
}

/** The signing key as configuration text: base64 DER PKCS#8 of an Ed25519 private key. */
export function parseFaceCheckPrivateKey(value: string): KeyObject {
  return parseEd25519PrivateKey(value, 'face-check');
}

export type FaceCheckKeyPairText = Ed25519KeyPairText;

/** A fresh key pair in configuration format, for tests and local development. */
export function generateFaceCheckKeyPair(keyId: string): FaceCheckKeyPairText {
  return generateEd25519KeyPair(keyId);
}

export const DEVELOPMENT_FACE_CHECK_KEY_ID = 'fcdev1';

/**
 * A fixed, public key pair so that local runs of identity and exam agree without configuration; production
 * configuration must refuse it (see isDevelopmentFaceCheckKey).
 */
export function developmentFaceCheckKeyPair(): FaceCheckKeyPairText {
  return developmentEd25519KeyPair(
    'exam-platform development face-check key v1',
    DEVELOPMENT_FACE_CHECK_KEY_ID,
  );
}

export function isDevelopmentFaceCheckKey(privateKeyText: string): boolean {
  return privateKeyText.trim() === developmentFaceCheckKeyPair().privateKey;
}
