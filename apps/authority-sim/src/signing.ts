import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Header names of the signing scheme (CONTRACT.md § Signatures). */
export const SIGNATURE_HEADERS = {
  appId: 'x-authority-app-id',
  timestamp: 'x-authority-timestamp',
  nonce: 'x-authority-nonce',
  signature: 'x-authority-signature',
} as const;

/** The string both sides sign: method, path, timestamp, nonce and the SHA-256 of the exact body bytes. */
export function canonicalString(
  method: string,
  path: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  const bodyHash = createHash('sha256').update(body, 'utf8').digest('hex');
  return `${method.toUpperCase()}\n${path}\n${timestamp}\n${nonce}\n${bodyHash}`;
}

export function sign(secret: string, canonical: string): string {
  return createHmac('sha256', secret).update(canonical, 'utf8').digest('hex');
}

export function signatureMatches(secret: string, canonical: string, presented: string): boolean {
  const expected = Buffer.from(sign(secret, canonical), 'hex');
  const actual = /^[0-9a-f]{64}$/.test(presented) ? Buffer.from(presented, 'hex') : Buffer.alloc(0);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function isFresh(timestamp: string, nowMs: number, toleranceSeconds: number): boolean {
  if (!/^\d{10}$/.test(timestamp)) return false;
  return Math.abs(nowMs / 1000 - Number(timestamp)) <= toleranceSeconds;
}
