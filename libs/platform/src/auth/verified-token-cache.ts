import type { KeyObject } from 'node:crypto';

import { decode, verify } from 'jsonwebtoken';

import type { Clock } from '../time/clock';
import { JWT_ALGORITHM, JWT_AUDIENCE, JWT_ISSUER } from './auth.settings';

/** A genuine access token: whose it is, until when, and its verified claims. */
export interface VerifiedToken {
  readonly sub: string;
  readonly expiresAtMs: number;
  readonly claims: Readonly<Record<string, unknown>>;
}

const DEFAULT_MAX_ENTRIES = 20_000;

/**
 * Verifies access tokens (ES256, issuer, audience, expiry, key chosen by `kid`) and remembers the genuine
 * ones until they expire, so a token presented on every autosave is verified once per process, not once
 * per request (an ECDSA verification costs about 0.1 ms of CPU; the cache lookup, a Map get, almost none).
 *
 * The cache is keyed by the whole token string — never by a part of it, or a valid signature could vouch
 * for an edited payload — and bounded: past `maxEntries` the oldest entry goes. Refused tokens are not
 * remembered (an attacker can mint endless distinct ones, so remembering them would only fill memory).
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, VerifiedToken>();

  constructor(
    private readonly publicKeys: ReadonlyMap<string, KeyObject>,
    private readonly clock: Clock,
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
  ) {}

  /** The token's subject when it is genuine and unexpired, else null (never throws). */
  verify(token: string): VerifiedToken | null {
    const now = this.clock.nowMs();
    const cached = this.entries.get(token);
    if (cached !== undefined) {
      if (cached.expiresAtMs > now) return cached;
      this.entries.delete(token);
      return null;
    }
    const verified = this.verifyFresh(token, now);
    if (verified === null) return null;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(token, verified);
    return verified;
  }

  get size(): number {
    return this.entries.size;
  }

  private verifyFresh(token: string, now: number): VerifiedToken | null {
    const kid = decode(token, { complete: true })?.header.kid;
    const key = kid === undefined ? undefined : this.publicKeys.get(kid);
    if (key === undefined) return null;
    try {
      const payload = verify(token, key, {
        algorithms: [JWT_ALGORITHM],
        issuer: JWT_ISSUER,
        audience: JWT_AUDIENCE,
        clockTimestamp: Math.floor(now / 1000),
      });
      if (typeof payload !== 'object' || typeof payload.sub !== 'string' || typeof payload.exp !== 'number') {
        return null;
      }
      return { sub: payload.sub, expiresAtMs: payload.exp * 1000, claims: payload };
    } catch {
      return null;
    }
  }
}

/** The bearer token of an Authorization header value, or null. */
export function bearerToken(authorization: string | string[] | undefined): string | null {
  if (typeof authorization !== 'string') return null;
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(authorization);
  return match?.[1] ?? null;
}
