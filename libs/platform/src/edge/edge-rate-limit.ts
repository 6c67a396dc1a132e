import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Redis } from 'ioredis';

import type { VerifiedTokenCache } from '../auth/verified-token-cache';
import { RequestErrorCode } from '../errors';
import { type EdgeRateLimits, rateLimitBucket } from './rate-limit-bucket';

export interface EdgeRateLimitOptions {
  readonly limits: EdgeRateLimits;
  /** Verifies access tokens, so genuine ones are counted per account; undefined counts per address only. */
  readonly tokens: VerifiedTokenCache | undefined;
  /** Shared counters, so every replica (and the other edge) spends one budget; undefined counts in memory. */
  readonly redis: Redis | undefined;
  /** Whether this process counts the request; the requests it leaves are counted by the other edge. */
  readonly counts: (request: FastifyRequest) => boolean;
}

/**
 * The edge's rate limit, per signed-in account or else per address, counted in fixed one-minute windows.
 * Used by the gateway for everything but the exam room, and by exam for the exam room, with the same
 * namespace and keys, so an account has one budget whichever way its requests come. When the counters are
 * unreachable the request passes (a Redis outage must not stop an exam); the access guard still checks it.
 */
export async function registerEdgeRateLimit(
  fastify: FastifyInstance,
  { limits, tokens, redis, counts }: EdgeRateLimitOptions,
): Promise<void> {
  // Keyed once per request (the plugin calls keyGenerator, then max with that key).
  const bucketOf = (request: FastifyRequest) => rateLimitBucket(request, limits, tokens);
  await fastify.register(rateLimit, {
    global: true,
    keyGenerator: (request) => bucketOf(request).key,
    max: (_request, key) => (key.startsWith('acct:') ? limits.perAccount : limits.perAddress),
    timeWindow: 60_000,
    nameSpace: limits.namespace,
    skipOnError: true,
    ...(redis ? { redis } : {}),
    allowList: (request) => !counts(request),
    errorResponseBuilder: (request, context) => ({
      statusCode: 429,
      code: RequestErrorCode.RATE_LIMITED.code,
      message: `Too many requests from your ${bucketOf(request).per}; try again in ${Math.ceil(context.ttl / 1000)} s.`,
      correlationId: String(request.headers['x-request-id']),
    }),
  });
}
