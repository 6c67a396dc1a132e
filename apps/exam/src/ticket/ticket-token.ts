import { type KeyObject, sign as signBytes, verify as verifyBytes } from 'node:crypto';

import {
  developmentEd25519KeyPair,
  type Ed25519KeyPairText,
  parseEd25519PrivateKey,
  parseEd25519PublicKeys,
} from '@exam/platform';

/**
 * The admission-ticket QR: a compact JWS (EdDSA/Ed25519, typ `exam-ticket+jwt`) that staff at the door verify
 * offline with the exam service's public key, the way face-check tokens are verified. It names ids and the
 * numbers printed on the ticket, never a name or ID number.
 */
export const TICKET_TOKEN_TYPE = 'exam-ticket+jwt';
export const TICKET_ISSUER = 'exam';

export interface TicketClaims {
  readonly iss: typeof TICKET_ISSUER;
  /** The candidate's user id. */
  readonly sub: string;
  readonly examId: string;
  readonly registrationId: string;
  readonly registrationNumber: string;
  readonly ticketNumber: string;
  /** Exam window (seconds since epoch): the ticket is worth checking from issue until the exam closes. */
  readonly iat: number;
  readonly exp: number;
}

export type TicketVerification =
  | { readonly valid: true; readonly claims: TicketClaims }
  | {
      readonly valid: false;
      readonly reason: 'malformed' | 'unknown_key' | 'bad_signature' | 'expired' | 'not_yet_valid';
    };

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export function signTicketToken(claims: TicketClaims, keyId: string, privateKey: KeyObject): string {
  const header = b64url(JSON.stringify({ alg: 'EdDSA', typ: TICKET_TOKEN_TYPE, kid: keyId }));
  const body = b64url(JSON.stringify(claims));
  const signature = signBytes(null, Buffer.from(`${header}.${body}`), privateKey);
  return `${header}.${body}.${b64url(signature)}`;
}

function parseJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}

function isClaims(value: unknown): value is TicketClaims {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    c.iss === TICKET_ISSUER &&
    ['sub', 'examId', 'registrationId', 'registrationNumber', 'ticketNumber'].every(
      (k) => typeof c[k] === 'string',
    ) &&
    Number.isInteger(c.iat) &&
    Number.isInteger(c.exp)
  );
}

/** Verifies a ticket token offline; pure apart from the signature check. `nowMs` is the verifier's clock. */
export function verifyTicketToken(
  token: string,
  publicKeys: ReadonlyMap<string, KeyObject>,
  nowMs: number,
): TicketVerification {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p)))
    return { valid: false, reason: 'malformed' };
  const [headerPart, bodyPart, signaturePart] = parts as [string, string, string];
  const header = parseJson(headerPart) as { alg?: unknown; typ?: unknown; kid?: unknown } | null;
  if (
    header === null ||
    header.alg !== 'EdDSA' ||
    header.typ !== TICKET_TOKEN_TYPE ||
    typeof header.kid !== 'string'
  )
    return { valid: false, reason: 'malformed' };
  const key = publicKeys.get(header.kid);
  if (key === undefined) return { valid: false, reason: 'unknown_key' };
  const ok = verifyBytes(
    null,
    Buffer.from(`${headerPart}.${bodyPart}`),
    key,
    Buffer.from(signaturePart, 'base64url'),
  );
  if (!ok) return { valid: false, reason: 'bad_signature' };
  const claims = parseJson(bodyPart);
  if (!isClaims(claims)) return { valid: false, reason: 'malformed' };
  const now = Math.floor(nowMs / 1000);
  if (now < claims.iat - 300) return { valid: false, reason: 'not_yet_valid' };
  if (now >= claims.exp) return { valid: false, reason: 'expired' };
  return { valid: true, claims };
}

/** `kid=<base64 DER SPKI>` entries, comma separated; several allow rotation. */
export function parseTicketPublicKeys(value: string): ReadonlyMap<string, KeyObject> {
  return parseEd25519PublicKeys(value, 'ticket');
}

export function parseTicketPrivateKey(value: string): KeyObject {
  return parseEd25519PrivateKey(value, 'ticket');
}

export const DEVELOPMENT_TICKET_KEY_ID = 'tkdev1';

/** A fixed key derived from a published seed for local runs; production refuses it. */
export function developmentTicketKeyPair(): Ed25519KeyPairText {
  return developmentEd25519KeyPair(
    'exam-platform development admission-ticket key v1',
    DEVELOPMENT_TICKET_KEY_ID,
  );
}

export function isDevelopmentTicketKey(privateKey: string): boolean {
  return privateKey === developmentTicketKeyPair().privateKey;
}
