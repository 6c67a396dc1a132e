import type { FastifyInstance, FastifyRequest } from 'fastify';

import type { BaseServiceEnv } from '../config/base-service.env';
import { normalizeTraceId } from '../context/request-context';
import { openEdgeCounters } from './edge-counters';
import { registerEdgeRateLimit } from './edge-rate-limit';
import type { EdgeRateLimits } from './rate-limit-bucket';
import { registerSecurityHeaders } from './security-headers';

/**
 * Edge duties a service takes on for the routes the ingress sends it directly, past the gateway: the same
 * security headers, the same trace id handling and the same rate limit, on the same shared counters.
 */
export interface ServiceEdge {
  /** Whether a request, once routed, is one of the direct routes this service counts. */
  readonly counts: (request: FastifyRequest) => boolean;
  readonly limits: EdgeRateLimits;
}

/** Registers a service's edge on its Fastify instance before any route exists (the limit hooks every route). */
export async function registerServiceEdge(
  fastify: FastifyInstance,
  edge: ServiceEdge,
  env: BaseServiceEnv,
): Promise<void> {
  // A well-formed trace id from the caller is kept, anything else replaced, before any answer (a 429 too)
  // names it; the request context then runs under the same id.
  fastify.addHook('onRequest', (request, _reply, done) => {
    request.headers['x-request-id'] = normalizeTraceId(request.headers['x-request-id']);
    done();
  });
  registerSecurityHeaders(fastify);
  const { redis, tokens } = openEdgeCounters(fastify, env.REDIS_URL, env.JWT_PUBLIC_KEYS);
  await registerEdgeRateLimit(fastify, { limits: edge.limits, tokens, redis, counts: edge.counts });
}
