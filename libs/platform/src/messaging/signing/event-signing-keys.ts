import type { KeyObject } from 'node:crypto';

import {
  developmentEd25519KeyPair,
  type Ed25519KeyPairText,
  parseEd25519PrivateKey,
  parseEd25519PublicKeys,
} from '../../signing/ed25519-keys';
import type { EventSigningKey } from './event-signature';
import { serviceOfKeyId } from './event-signature';
import { EVENT_PRODUCERS } from './signed-topics';

/**
 * A fixed, published key pair per service, so local runs of producers and consumers agree without
 * configuration. Worthless as a secret: production refuses it (see eventSigningFrom).
 */
export function developmentEventSigningKeyPair(service: string): Ed25519KeyPairText {
  return developmentEd25519KeyPair(
    `exam-platform development event-signing key v1 ${service}`,
    `${service}.dev1`,
  );
}

/** The verifier entries of every producer's development key, comma separated. */
export function developmentEventVerifyKeys(): string {
  return EVENT_PRODUCERS.map((service) => developmentEventSigningKeyPair(service).publicKeys).join(',');
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export interface EventSigningConfig {
  readonly signing: EventSigningKey;
  readonly verifyKeys: ReadonlyMap<string, KeyObject>;
}

export interface EventSigningEnv {
  readonly NODE_ENV: string;
  readonly EVENT_SIGNING_KEY_ID?: string;
  readonly EVENT_SIGNING_PRIVATE_KEY?: string;
  readonly EVENT_VERIFY_KEYS?: string;
}

/**
 * The service's signing key and the producers' verification keys. Outside production, unset values mean
 * the development keys; production needs real ones, and a signing key named after this service.
 */
export function eventSigningFrom(service: string, env: EventSigningEnv): EventSigningConfig {
  const production = env.NODE_ENV === 'production';
  const development = developmentEventSigningKeyPair(service);
  const keyId = env.EVENT_SIGNING_KEY_ID ?? (production ? '' : development.keyId);
  const privateText = env.EVENT_SIGNING_PRIVATE_KEY ?? (production ? '' : development.privateKey);
  const verifyText = env.EVENT_VERIFY_KEYS ?? (production ? '' : developmentEventVerifyKeys());
  const problems: string[] = [];
  if (privateText.trim() === '') problems.push('EVENT_SIGNING_PRIVATE_KEY is required in production');
  if (verifyText.trim() === '') problems.push('EVENT_VERIFY_KEYS is required in production');
  if (serviceOfKeyId(keyId) !== service)
    problems.push(
      `EVENT_SIGNING_KEY_ID must start with "${service}." (e.g. ${service}.2026-01), got "${keyId}"`,
    );
  if (production && privateText.trim() === development.privateKey)
    problems.push('EVENT_SIGNING_PRIVATE_KEY: the published development key is refused in production');
  if (
    production &&
    EVENT_PRODUCERS.some((p) => verifyText.includes(developmentEventSigningKeyPair(p).publicKeys))
  )
    problems.push('EVENT_VERIFY_KEYS: the published development keys are refused in production');
  let privateKey: KeyObject | undefined;
  let verifyKeys: ReadonlyMap<string, KeyObject> | undefined;
  try {
    if (privateText.trim() !== '') privateKey = parseEd25519PrivateKey(privateText, 'event');
  } catch (error: unknown) {
    problems.push(`EVENT_SIGNING_PRIVATE_KEY: not a base64 PKCS#8 Ed25519 key (${messageOf(error)})`);
  }
  try {
    if (verifyText.trim() !== '') verifyKeys = parseEd25519PublicKeys(verifyText, 'event');
  } catch (error: unknown) {
    problems.push(`EVENT_VERIFY_KEYS: ${messageOf(error)}`);
  }
  if (problems.length > 0 || privateKey === undefined || verifyKeys === undefined)
    throw new Error(`Invalid event-signing configuration:\n  - ${problems.join('\n  - ')}`);
  return { signing: { keyId, privateKey }, verifyKeys };
}
