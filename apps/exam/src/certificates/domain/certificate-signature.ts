import { type KeyObject, sign as signBytes, verify as verifyBytes } from 'node:crypto';

import {
  developmentEd25519KeyPair,
  type Ed25519KeyPairText,
  parseEd25519PrivateKey,
  parseEd25519PublicKeys,
} from '@exam/platform';

/**
 * What a certificate asserts, signed with the exam service's Ed25519 certificate key. The canonical form
 * (keys sorted, no spaces, UTF-8) is what is signed; it travels in the PDF (metadata and printed) as the
 * token `ECERT1.<kid>.<base64url payload>.<base64url signature>`, so anyone with the published public key
 * can check a certificate offline. Names only the masked holder, never a user id.
 */
export interface CertificatePayload {
  readonly v: 1;
  readonly code: string;
  readonly examId: string;
  readonly title: string;
  /** The holder's name as the exam service holds it: masked by identity (e.g. `**明`); null if unverified. */
  readonly holder: string | null;
  /** Date of issue, YYYY-MM-DD (Beijing time). */
  readonly issuedOn: string;
  readonly score: number | null;
  readonly maxScore: number | null;
}

export const CERTIFICATE_TOKEN_PREFIX = 'ECERT1';
const TOKEN_PATTERN = /ECERT1\.[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;

export type CertificateVerification =
  | { readonly valid: true; readonly keyId: string; readonly payload: CertificatePayload }
  | { readonly valid: false; readonly reason: 'malformed' | 'unknown_key' | 'bad_signature' };

/** JSON with object keys sorted at every level and no whitespace: one byte string per payload. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export function signCertificate(payload: CertificatePayload, keyId: string, privateKey: KeyObject): string {
  const body = Buffer.from(canonicalJson(payload), 'utf8');
  const signature = signBytes(null, body, privateKey);
  return `${CERTIFICATE_TOKEN_PREFIX}.${keyId}.${body.toString('base64url')}.${signature.toString('base64url')}`;
}

function isPayload(value: unknown): value is CertificatePayload {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  const numberOrNull = (x: unknown): boolean => x === null || typeof x === 'number';
  return (
    p.v === 1 &&
    typeof p.code === 'string' &&
    typeof p.examId === 'string' &&
    typeof p.title === 'string' &&
    (p.holder === null || typeof p.holder === 'string') &&
    typeof p.issuedOn === 'string' &&
    numberOrNull(p.score) &&
    numberOrNull(p.maxScore)
  );
}

/** Checks a certificate token with the published public keys; pure apart from the signature check. */
export function verifyCertificateToken(
  token: string,
  publicKeys: ReadonlyMap<string, KeyObject>,
): CertificateVerification {
  const parts = token.trim().split('.');
  if (parts.length !== 4 || parts[0] !== CERTIFICATE_TOKEN_PREFIX)
    return { valid: false, reason: 'malformed' };
  const [, keyId = '', bodyPart = '', signaturePart = ''] = parts;
  const key = publicKeys.get(keyId);
  if (key === undefined) return { valid: false, reason: 'unknown_key' };
  const body = Buffer.from(bodyPart, 'base64url');
  if (!verifyBytes(null, body, key, Buffer.from(signaturePart, 'base64url')))
    return { valid: false, reason: 'bad_signature' };
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  // A signed body that is not canonical was not made by this service's signer.
  if (!isPayload(payload) || canonicalJson(payload) !== body.toString('utf8'))
    return { valid: false, reason: 'malformed' };
  return { valid: true, keyId, payload };
}

/** The certificate token embedded in a PDF (its metadata holds it as plain ASCII), or null. */
export function certificateTokenInPdf(pdf: Buffer): string | null {
  return TOKEN_PATTERN.exec(pdf.toString('latin1'))?.[0] ?? null;
}

export function parseCertificatePublicKeys(value: string): ReadonlyMap<string, KeyObject> {
  return parseEd25519PublicKeys(value, 'certificate');
}

export function parseCertificatePrivateKey(value: string): KeyObject {
  return parseEd25519PrivateKey(value, 'certificate');
}

export const DEVELOPMENT_CERTIFICATE_KEY_ID = 'cedev1';

/** A fixed key derived from a published seed for local runs; production refuses it. */
export function developmentCertificateKeyPair(): Ed25519KeyPairText {
  return developmentEd25519KeyPair(
    'exam-platform development certificate key v1',
    DEVELOPMENT_CERTIFICATE_KEY_ID,
  );
}

export function isDevelopmentCertificateKey(privateKey: string): boolean {
  return privateKey === developmentCertificateKeyPair().privateKey;
}
