import type { IncomingMessage, ServerResponse } from 'node:http';

import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/** The edge's helmet policy: the gateway's and exam's (on the exam-room routes) responses carry the same. */
const POLICY: Parameters<typeof helmet>[0] = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      mediaSrc: ["'self'", 'blob:'],
    },
  },
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  referrerPolicy: { policy: 'no-referrer' },
};

/**
 * The headers helmet sets under POLICY, worked out once. They do not depend on the request (no nonces), so
 * every response gets the same list; @fastify/helmet instead rebuilds the whole policy (parsing the CSP
 * directives) on every request, which cost about 2 % of the exam service's CPU per autosave.
 */
export function securityHeaders(): Readonly<Record<string, string>> {
  const headers = new Map<string, string>();
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.set(name.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
      return response;
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  const failures: unknown[] = [];
  helmet(POLICY)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error !== undefined) failures.push(error);
  });
  // helmet's middleware is synchronous: by now it has set every header, or reported why not.
  if (failures.length > 0 || headers.size === 0)
    throw new Error(
      `helmet did not produce the security headers: ${failures.map((e) => String(e)).join('; ')}`,
    );
  return Object.freeze(Object.fromEntries(headers));
}

/** Sends the edge's security headers (see securityHeaders) on every response of this Fastify instance. */
export function registerSecurityHeaders(fastify: FastifyInstance): void {
  const headers = securityHeaders();
  fastify.addHook('onRequest', (_request, reply, next) => {
    void reply.headers(headers);
    next();
  });
}
