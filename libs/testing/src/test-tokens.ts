import { generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';

import type { AccessTokenClaims, InstitutionMembership, PlatformRole } from '@exam/contracts';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from '@exam/platform';
import { sign } from 'jsonwebtoken';

interface TestKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicPem: string;
}

function makeKey(kid: string): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { kid, privateKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

const trusted = makeKey('test-key-1');
/** A well-formed key the services do not trust, for denial-path tests. */
const untrusted = makeKey('test-key-1');

/** Signing key and id for a service that issues tokens in tests (accounts), matching testJwtPublicKeys. */
export function testJwtSigningKey(): { readonly pem: string; readonly kid: string } {
  return { pem: trusted.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), kid: trusted.kid };
}

/** The JWT_PUBLIC_KEYS value under which test tokens verify. */
export function testJwtPublicKeys(): string {
  return JSON.stringify({ [trusted.kid]: trusted.publicPem });
}

export interface TestTokenInput {
  readonly userId?: string;
  readonly roles?: readonly PlatformRole[];
  readonly memberships?: readonly InstitutionMembership[];
  readonly expiresInSeconds?: number;
  readonly signedBy?: 'trusted' | 'untrusted';
  /** The `pendingPolicy` claim: a materially changed privacy policy version the user has not accepted. */
  readonly pendingPolicy?: string;
  /** The `auth_time` claim (seconds since the epoch); default: the moment of issue, null: no claim. */
  readonly authTime?: number | null;
}

/** Issues an access token exactly as accounts would, signed with this run's test key. */
export function issueTestToken(input: TestTokenInput = {}): string {
  const key = input.signedBy === 'untrusted' ? untrusted : trusted;
  const claims: AccessTokenClaims = {
    sub: input.userId ?? randomUUID(),
    sid: randomUUID(),
    roles: input.roles ?? ['candidate'],
    memberships: input.memberships ?? [],
    ...(input.pendingPolicy === undefined ? {} : { pendingPolicy: input.pendingPolicy }),
    ...(input.authTime === null ? {} : { auth_time: input.authTime ?? Math.floor(Date.now() / 1000) }),
  };
  return sign({ ...claims }, key.privateKey, {
    algorithm: JWT_ALGORITHM,
    keyid: key.kid,
    issuer: JWT_ISSUER,
    audience: JWT_AUDIENCE,
    expiresIn: input.expiresInSeconds ?? 300,
  });
}
