import { bearerToken, type VerifiedTokenCache } from '@exam/platform';
import type { FastifyRequest } from 'fastify';

import type { GatewayEnv } from '../config/gateway.env';

/** Whose budget a request spends: a signed-in account's own, or its address's. */
export interface RateLimitBucket {
  readonly key: string;
  readonly max: number;
  readonly per: 'account' | 'address';
}

/**
 * Chooses the rate-limit bucket of a request. A request with a genuine, unexpired access token spends its
 * account's budget, so 500 candidates of one exam centre behind one NAT address each get their own
 * (`RATE_LIMIT_ACCOUNT_PER_MINUTE`) instead of sharing one; everything else — no token, an expired or
 * forged one — spends its address's budget (`RATE_LIMIT_PER_MINUTE`), so minting tokens buys nothing.
 * Without `JWT_PUBLIC_KEYS` the gateway cannot tell genuine tokens apart and counts per address only.
 */
export function rateLimitBucket(
  request: FastifyRequest,
  env: GatewayEnv,
  tokens: VerifiedTokenCache | undefined,
): RateLimitBucket {
  const token = tokens === undefined ? null : bearerToken(request.headers.authorization);
  const verified = token === null ? null : (tokens?.verify(token) ?? null);
  if (verified !== null) {
    return { key: `acct:${verified.sub}`, max: env.RATE_LIMIT_ACCOUNT_PER_MINUTE, per: 'account' };
  }
  return { key: `ip:${request.ip}`, max: env.RATE_LIMIT_PER_MINUTE, per: 'address' };
}
