import type { FastifyRequest } from 'fastify';

import { bearerToken, type VerifiedTokenCache } from '../auth/verified-token-cache';

/** The edge's request budgets per minute, and the key prefix of their shared counters. */
export interface EdgeRateLimits {
  /** Requests per minute per client address, for requests without a genuine access token. */
  readonly perAddress: number;
  /** Requests per minute per signed-in account (a genuine, unexpired access token). */
  readonly perAccount: number;
  /** Key prefix of the counters in Redis; the gateway and exam use the same, so an account has one budget. */
  readonly namespace: string;
}

/** Whose budget a request spends: a signed-in account's own, or its address's. */
export interface RateLimitBucket {
  readonly key: string;
  readonly max: number;
  readonly per: 'account' | 'address';
}

/**
 * Chooses the rate-limit bucket of a request. A request with a genuine, unexpired access token spends its
 * account's budget, so 500 candidates of one exam centre behind one NAT address each get their own instead of
 * sharing one; everything else — no token, an expired or forged one — spends its address's budget, so minting
 * tokens buys nothing. Without token keys the edge cannot tell genuine tokens apart and counts per address only.
 */
export function rateLimitBucket(
  request: FastifyRequest,
  limits: EdgeRateLimits,
  tokens: VerifiedTokenCache | undefined,
): RateLimitBucket {
  const token = tokens === undefined ? null : bearerToken(request.headers.authorization);
  const verified = token === null ? null : (tokens?.verify(token) ?? null);
  if (verified !== null) return { key: `acct:${verified.sub}`, max: limits.perAccount, per: 'account' };
  return { key: `ip:${request.ip}`, max: limits.perAddress, per: 'address' };
}
