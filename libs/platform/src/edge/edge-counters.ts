import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';

import { parsePublicKeys } from '../auth/jwt-keys';
import { VerifiedTokenCache } from '../auth/verified-token-cache';
import { SystemClock } from '../time/clock';

/** What an edge's rate limit counts with: the shared counters, and the token check that picks the bucket. */
export interface EdgeCounters {
  /** Undefined without a Redis URL: each process then counts in its own memory (local runs, tests). */
  readonly redis: Redis | undefined;
  /** Undefined without token keys: every request is then counted per address. */
  readonly tokens: VerifiedTokenCache | undefined;
}

/** Connects the edge's counters (closed with the Fastify instance) and its token check. */
export function openEdgeCounters(
  fastify: FastifyInstance,
  redisUrl: string | undefined,
  jwtPublicKeys: string,
): EdgeCounters {
  const redis = redisUrl ? new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: false }) : undefined;
  if (redis) {
    fastify.addHook('onClose', async () => {
      await redis.quit();
    });
  }
  const publicKeys = parsePublicKeys(jwtPublicKeys);
  const tokens = publicKeys.size > 0 ? new VerifiedTokenCache(publicKeys, new SystemClock()) : undefined;
  return { redis, tokens };
}
