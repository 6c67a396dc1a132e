import { GCM_NONCE_BYTES, GCM_TAG_BYTES, GcmSealed } from './aes-gcm';
import { CryptoError } from './crypto.errors';
import { isValidKeyId, KEY_ID_MAX_LENGTH } from './key-id';

/**
 * Stored layout, one ASCII string per value: `ef1:<keyId>:<base64url(nonce[12] ‖ ciphertext ‖ tag[16])>`.
 * Text rather than binary so values survive any column type, logs show they are encrypted, and a rotation
 * can find stale rows by prefix; the version and key id are also bound into the associated data.
 */
export const STORED_FORMAT_VERSION = 1;
const PREFIX = 'ef';
const SEPARATOR = ':';
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MIN_PAYLOAD_BYTES = GCM_NONCE_BYTES + GCM_TAG_BYTES;

export interface StoredValue extends GcmSealed {
  readonly version: number;
  readonly keyId: string;
}

export function formatStoredValue(keyId: string, sealed: GcmSealed): string {
  const payload = Buffer.concat([sealed.nonce, sealed.ciphertext, sealed.tag]).toString('base64url');
  return `${PREFIX}${STORED_FORMAT_VERSION}${SEPARATOR}${keyId}${SEPARATOR}${payload}`;
}

/** The longest stored value of a plaintext of `plaintextBytes` bytes, under any valid key id. */
export function storedValueMaxLength(plaintextBytes: number): number {
  const header =
    PREFIX.length +
    String(STORED_FORMAT_VERSION).length +
    SEPARATOR.length +
    KEY_ID_MAX_LENGTH +
    SEPARATOR.length;
  return header + Math.ceil(((GCM_NONCE_BYTES + plaintextBytes + GCM_TAG_BYTES) * 4) / 3);
}

/**
 * The column width an encrypted text field needs when its validator allows `maxCharacters` characters.
 * Validators count a character outside the Basic Multilingual Plane as one, and UTF-8 takes 4 bytes for it:
 * rare characters of Chinese names (CJK Extension B, 𠀀 …) are exactly that, so a width computed from 1 byte,
 * or 3 bytes, per character refuses real people's names with a database error.
 */
export function encryptedTextColumnLength(maxCharacters: number): number {
  return storedValueMaxLength(maxCharacters * 4);
}

function malformed(reason: string): CryptoError {
  return new CryptoError('CRYPTO.MALFORMED', `stored value is not an encrypted field value (${reason})`);
}

interface Header {
  readonly keyId: string;
  readonly payloadStart: number;
}

function parseHeader(stored: unknown): Header {
  if (typeof stored !== 'string') throw malformed('not a string');
  if (!stored.startsWith(PREFIX)) throw malformed('missing format prefix');
  const versionEnd = stored.indexOf(SEPARATOR, PREFIX.length);
  if (versionEnd < 0) throw malformed('missing version separator');
  const version = stored.slice(PREFIX.length, versionEnd);
  if (!/^[0-9]{1,3}$/.test(version)) throw malformed('bad version');
  if (Number(version) !== STORED_FORMAT_VERSION) {
    throw new CryptoError('CRYPTO.UNSUPPORTED_VERSION', `stored format version ${version} is not supported`);
  }
  const keyEnd = stored.indexOf(SEPARATOR, versionEnd + 1);
  if (keyEnd < 0) throw malformed('missing key id separator');
  const keyId = stored.slice(versionEnd + 1, keyEnd);
  if (!isValidKeyId(keyId)) throw malformed('bad key id');
  return { keyId, payloadStart: keyEnd + 1 };
}

/** Reads only the header, so rotation can decide whether a value is stale without decoding it. */
export function keyIdOfStoredValue(stored: string): string {
  return parseHeader(stored).keyId;
}

export function parseStoredValue(stored: unknown): StoredValue {
  const { keyId, payloadStart } = parseHeader(stored);
  const text = (stored as string).slice(payloadStart);
  // Buffer.from silently skips characters outside the alphabet, so the alphabet is checked first.
  if (!BASE64URL.test(text) || text.length % 4 === 1) throw malformed('bad payload encoding');
  const payload = Buffer.from(text, 'base64url');
  if (payload.length < MIN_PAYLOAD_BYTES) throw malformed('payload truncated');
  return {
    version: STORED_FORMAT_VERSION,
    keyId,
    nonce: payload.subarray(0, GCM_NONCE_BYTES),
    ciphertext: payload.subarray(GCM_NONCE_BYTES, payload.length - GCM_TAG_BYTES),
    tag: payload.subarray(payload.length - GCM_TAG_BYTES),
  };
}
