import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import type { ErrorBody } from '../errors/error-body';
import { InternalErrorCode } from '../errors/platform.error-codes';
import { canonicalJson } from './canonical-json';
import { openApiPath, serviceOpenApiDocument } from './service-document';

/**
 * `GET /api/<service>/openapi.json`: the service's own OpenAPI document, public (it holds no personal data).
 * Built on the first request from the running app with the generator's builder, then kept.
 */
export function serveOpenApiDocument(app: NestFastifyApplication, service: string): void {
  let text: Promise<string> | undefined;
  app
    .getHttpAdapter()
    .getInstance()
    .get(openApiPath(service), async (request, reply) => {
      try {
        text ??= serviceOpenApiDocument(app, service).then(canonicalJson);
        const body = await text;
        return await reply
          .header('content-type', 'application/json; charset=utf-8')
          .header('cache-control', 'no-cache')
          .send(body);
      } catch (error: unknown) {
        text = undefined;
        new Logger('OpenApi').error(
          `building the OpenAPI document failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        // A plain Fastify route: the Nest exception filter does not see it, so it writes the shared body itself.
        const body: ErrorBody = {
          statusCode: 500,
          code: InternalErrorCode.UNEXPECTED.code,
          message: 'The API document could not be built; quote the correlationId when you report it.',
          correlationId: String(request.headers['x-request-id'] ?? request.id),
        };
        return reply.code(500).header('content-type', 'application/json; charset=utf-8').send(body);
      }
    });
}
