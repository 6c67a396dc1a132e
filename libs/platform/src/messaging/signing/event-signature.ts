import { type KeyObject, sign, verify } from 'node:crypto';

import type { TopicName } from '@exam/contracts';

import { ownerOfTopic } from './signed-topics';

export const SIGNATURE_HEADER = 'event-signature';
export const SIGNING_KEY_HEADER = 'event-signing-key';

/** Domain separation: these bytes are never valid as another signed structure of the platform. */
function signedBytes(topic: TopicName, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`exam-event-signature-v1\n${topic}\n`, 'utf8'), value]);
}

/**
 * A key id names its service first (`audit.2026-01`): a verifier accepts a signature on a topic only from
 * a key of the topic's owner, so one service's key cannot vouch for another service's commands.
 */
export function serviceOfKeyId(keyId: string): string {
  const dot = keyId.indexOf('.');
  return dot <= 0 ? '' : keyId.slice(0, dot);
}

export interface EventSigningKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

/** The Kafka headers that carry an Ed25519 signature over the topic name and the exact value bytes. */
export function signEvent(key: EventSigningKey, topic: TopicName, value: Buffer): Record<string, string> {
  return {
    [SIGNATURE_HEADER]: sign(null, signedBytes(topic, value), key.privateKey).toString('base64'),
    [SIGNING_KEY_HEADER]: key.keyId,
  };
}

export type SignatureCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

type RawHeaders = Readonly<Record<string, Buffer | string | (Buffer | string)[] | undefined>> | undefined;

function headerText(headers: RawHeaders, name: string): string | undefined {
  const raw = headers?.[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return undefined;
  return Buffer.isBuffer(value) ? value.toString('utf8') : value;
}

/**
 * Checks a consumed message of a signed topic: a signature is present, made with a known key of the topic's
 * owner, over this topic and these bytes. The reasons go to the dead-letter record, for the operator.
 */
export function verifyEvent(
  keys: ReadonlyMap<string, KeyObject>,
  topic: TopicName,
  value: Buffer | null,
  headers: RawHeaders,
): SignatureCheck {
  const signature = headerText(headers, SIGNATURE_HEADER);
  const keyId = headerText(headers, SIGNING_KEY_HEADER);
  if (signature === undefined || keyId === undefined || value === null) {
    return {
      ok: false,
      reason: `EVENT.UNSIGNED: ${topic} carries commands and must be signed by ${ownerOfTopic(topic)}; this message has no signature`,
    };
  }
  const owner = ownerOfTopic(topic);
  if (serviceOfKeyId(keyId) !== owner) {
    return {
      ok: false,
      reason: `EVENT.WRONG_SIGNER: key "${keyId.slice(0, 64)}" does not belong to ${owner}, the only producer of ${topic}`,
    };
  }
  const key = keys.get(keyId);
  if (key === undefined) {
    return {
      ok: false,
      reason: `EVENT.UNKNOWN_KEY: signing key "${keyId.slice(0, 64)}" is not among this service's EVENT_VERIFY_KEYS`,
    };
  }
  if (!verify(null, signedBytes(topic, value), key, Buffer.from(signature, 'base64'))) {
    return {
      ok: false,
      reason: `EVENT.BAD_SIGNATURE: the signature does not match this message on ${topic} (forged or altered)`,
    };
  }
  return { ok: true };
}
