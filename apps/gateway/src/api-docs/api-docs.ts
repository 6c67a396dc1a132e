import { dirname } from 'node:path';

import { openApiPath } from '@exam/platform/openapi';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { UPSTREAM_SERVICES } from '../edge/upstreams';

export const API_DOCS_PATH = '/api/docs';

/** The documents the reference lists: every service's through the proxy, then the gateway's own. */
export const LISTED_DOCUMENTS = [...UPSTREAM_SERVICES, 'gateway'].map((service) => ({
  name: service,
  url: openApiPath(service),
}));

/** The Swagger UI files served from swagger-ui-dist; nothing else of it (its own index and initializer point elsewhere). */
const UI_ASSETS = new Set([
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'favicon-16x16.png',
  'favicon-32x32.png',
]);

// Everything is a file of its own: the gateway's Content-Security-Policy allows scripts from 'self' only.
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Exam platform API reference</title>
    <link rel="stylesheet" href="${API_DOCS_PATH}/swagger-ui.css" />
    <link rel="stylesheet" href="${API_DOCS_PATH}/api-docs.css" />
    <link rel="icon" type="image/png" href="${API_DOCS_PATH}/favicon-32x32.png" sizes="32x32" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="${API_DOCS_PATH}/swagger-ui-bundle.js"></script>
    <script src="${API_DOCS_PATH}/swagger-ui-standalone-preset.js"></script>
    <script src="${API_DOCS_PATH}/api-docs.js"></script>
  </body>
</html>
`;

const STYLE = `html { box-sizing: border-box; overflow-y: scroll; }
*, *::before, *::after { box-sizing: inherit; }
body { margin: 0; background: #fafafa; }
`;

const SCRIPT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    urls: ${JSON.stringify(LISTED_DOCUMENTS)},
    'urls.primaryName': 'accounts',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
    validatorUrl: null,
    showExtensions: true,
  });
});
`;

function swaggerUiRoot(): string {
  return dirname(require.resolve('swagger-ui-dist/package.json'));
}

/**
 * The interactive API reference at `/api/docs`: Swagger UI (from swagger-ui-dist, served locally, no CDN)
 * listing each service's OpenAPI document as the gateway proxies it, `GET /api/<service>/openapi.json`.
 */
export async function registerApiDocs(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const page = (_request: unknown, reply: { type(t: string): { send(body: string): unknown } }): unknown =>
    reply.type('text/html; charset=utf-8').send(PAGE);
  fastify.get(API_DOCS_PATH, page);
  fastify.get(`${API_DOCS_PATH}/`, page);
  fastify.get(`${API_DOCS_PATH}/api-docs.js`, (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').send(SCRIPT),
  );
  fastify.get(`${API_DOCS_PATH}/api-docs.css`, (_request, reply) =>
    reply.type('text/css; charset=utf-8').send(STYLE),
  );
  await app.register(fastifyStatic, {
    root: swaggerUiRoot(),
    prefix: `${API_DOCS_PATH}/`,
    decorateReply: false,
    index: false,
    allowedPath: (pathName) => UI_ASSETS.has(pathName.replace(/^\//, '')),
  });
}
