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
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      return response;
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let done = false;
  helmet(POLICY)(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (error?: unknown) => {
      if (error !== undefined) throw error instanceof Error ? error : new Error(String(error));
      done = true;
    },
  );
  if (!done) throw new Error('helmet did not finish synchronously');
  return Object.freeze(headers);
}

/** Sends the edge's security headers (see securityHeaders) on every response of this Fastify instance. */
export function registerSecurityHeaders(fastify: FastifyInstance): void {
  const headers = securityHeaders();
  fastify.addHook('onRequest', (_request, reply, next) => {
    void reply.headers(headers);
    next();
  });
}
