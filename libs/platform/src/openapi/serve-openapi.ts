import type { NestFastifyApplication } from '@nestjs/platform-fastify';

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
    .get(openApiPath(service), async (_request, reply) => {
      text ??= serviceOpenApiDocument(app, service).then(canonicalJson);
      const body = await text.catch((error: unknown) => {
        text = undefined;
        throw error;
      });
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(body);
    });
}
