import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The authority contract's signing scheme (apps/authority-sim/CONTRACT.md § Signatures). */
export const AUTHORITY_HEADERS = {
  appId: 'x-authority-app-id',
  timestamp: 'x-authority-timestamp',
  nonce: 'x-authority-nonce',
  signature: 'x-authority-signature',
} as const;

export function authorityCanonical(
  method: string,
  path: string,
  timestamp: string,
  nonce: string,
  body: string,
): string {
  const bodyHash = createHash('sha256').update(body, 'utf8').digest('hex');
  return `${method.toUpperCase()}\n${path}\n${timestamp}\n${nonce}\n${bodyHash}`;
}

export function authoritySign(secret: string, canonical: string): string {
  return createHmac('sha256', secret).update(canonical, 'utf8').digest('hex');
}

export function authoritySignatureValid(secret: string, canonical: string, presented: string): boolean {
  const expected = Buffer.from(authoritySign(secret, canonical), 'hex');
  const actual = /^[0-9a-f]{64}$/.test(presented) ? Buffer.from(presented, 'hex') : Buffer.alloc(0);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function timestampFresh(timestamp: string, nowMs: number, toleranceSeconds: number): boolean {
  return /^\d{10}$/.test(timestamp) && Math.abs(nowMs / 1000 - Number(timestamp)) <= toleranceSeconds;
}

/** The four signature headers of one request to the authority (HttpAuthorityProvider, AuthorityLivenessProvider). */
export function authorityRequestHeaders(
  credentials: { readonly appId: string; readonly secret: string },
  request: { readonly method: string; readonly path: string; readonly body: string },
  timestamp: string,
  nonce: string,
): Record<string, string> {
  return {
    [AUTHORITY_HEADERS.appId]: credentials.appId,
    [AUTHORITY_HEADERS.timestamp]: timestamp,
    [AUTHORITY_HEADERS.nonce]: nonce,
    [AUTHORITY_HEADERS.signature]: authoritySign(
      credentials.secret,
      authorityCanonical(request.method, request.path, timestamp, nonce, request.body),
    ),
  };
}
