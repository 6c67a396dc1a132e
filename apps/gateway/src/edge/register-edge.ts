import {
  isExamRoomPath,
  normalizeTraceId,
  openEdgeCounters,
  registerEdgeRateLimit,
  registerSecurityHeaders,
  RequestErrorCode,
  statusOf,
} from '@exam/platform';
import httpProxy from '@fastify/http-proxy';
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';

import type { GatewayEnv } from '../config/gateway.env';
import { GatewayErrorCode } from './edge.errors';
import { sendEdgeError } from './edge-error';
import { UPSTREAM_SERVICES, upstreamUrl } from './upstreams';

export interface EdgeResources {
  readonly redis?: Redis;
}

/**
 * The edge in front of every service: a trace id on every request, security headers, a request
 * size limit, rate limiting per signed-in account or else per address (see rateLimitBucket; the exam room is
 * counted by exam), then `/api/<service>/*` proxied unchanged to that service.
 */
export async function registerEdge(fastify: FastifyInstance, env: GatewayEnv): Promise<EdgeResources> {
  fastify.addHook('onRequest', async (request, reply) => {
    const traceId = normalizeTraceId(request.headers['x-request-id']);
    request.headers['x-request-id'] = traceId;
    // Services trust the gateway's hop: hand them the client address as the gateway determined it
    // (per TRUST_PROXY), never a value the client made up.
    request.headers['x-forwarded-for'] = request.ip;
    void reply.header('x-request-id', traceId);
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > env.BODY_LIMIT_BYTES) {
      return sendEdgeError(
        reply,
        statusOf(RequestErrorCode.TOO_LARGE.kind),
        RequestErrorCode.TOO_LARGE.code,
        `Request body is larger than ${env.BODY_LIMIT_BYTES} bytes.`,
      );
    }
    if (
      request.headers['transfer-encoding'] !== undefined &&
      request.headers['content-length'] === undefined
    ) {
      return sendEdgeError(
        reply,
        statusOf(RequestErrorCode.LENGTH_REQUIRED.kind),
        RequestErrorCode.LENGTH_REQUIRED.code,
        'Send a Content-Length header; chunked uploads are not accepted.',
      );
    }
    return undefined;
  });

  registerSecurityHeaders(fastify);

  const { redis, tokens } = openEdgeCounters(fastify, env.REDIS_URL, env.JWT_PUBLIC_KEYS);
  await registerEdgeRateLimit(fastify, {
    limits: {
      perAccount: env.RATE_LIMIT_ACCOUNT_PER_MINUTE,
      perAddress: env.RATE_LIMIT_PER_MINUTE,
      namespace: env.RATE_LIMIT_NAMESPACE,
    },
    tokens,
    redis,
    // Health probes are never limited; the exam room is counted by exam itself, which the ingress may reach
    // directly (ADR 0048, decision 9), so counting it here too would spend a candidate's budget twice.
    counts: (request) => !request.url.startsWith('/health/') && !isExamRoomPath(request.url),
  });

  for (const service of UPSTREAM_SERVICES) {
    await fastify.register(httpProxy, {
      upstream: upstreamUrl(env, service),
      prefix: `/api/${service}`,
      rewritePrefix: `/api/${service}`,
      // undici's pool, not node:http: the proxy hop is on every exam-room request, and undici costs less CPU per
      // proxied request (measured by the exam bench). A service that sends no headers within 30 s, or stalls
      // its body as long, is a timeout.
      undici: { connections: 128, pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 },
      replyOptions: {
        onError: (reply, { error }) => {
          const timedOut = error.message.toLowerCase().includes('timeout');
          const upstreamError = timedOut
            ? GatewayErrorCode.UPSTREAM_TIMEOUT
            : GatewayErrorCode.UPSTREAM_UNAVAILABLE;
          void sendEdgeError(
            reply as unknown as Parameters<typeof sendEdgeError>[0],
            statusOf(upstreamError.kind),
            upstreamError.code,
            `The ${service} service did not answer; try again shortly.`,
          );
        },
      },
    });
  }
  return { redis };
}
