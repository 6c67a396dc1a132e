import type { ErrorBody } from '@exam/platform';
import type { FastifyReply } from 'fastify';

/** Errors produced at the edge use the same body as the services behind it. */
export function sendEdgeError(
  reply: FastifyReply,
  statusCode: number,
  code: string,
  message: string,
): FastifyReply {
  const correlationId = String(reply.request.headers['x-request-id'] ?? reply.request.id);
  const body: ErrorBody = { statusCode, code, message, correlationId };
  return reply.code(statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
}
