import type { IncomingMessage } from 'node:http';

import { AllExceptionsFilter, JsonLogger } from '@exam/platform';
import { serveOpenApiDocument } from '@exam/platform/openapi';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

import { registerApiDocs } from './api-docs/api-docs';
import type { GatewayEnv } from './config/gateway.env';
import { parseTrustProxy } from './config/trust-proxy';
import { registerEdge } from './edge/register-edge';
import { GatewayModule } from './gateway.module';
import { spaRewrite } from './web-app/spa-rewrite';
import { registerWebApp, webAppRoot } from './web-app/web-app';

export async function createGatewayApp(env: GatewayEnv): Promise<NestFastifyApplication> {
  const trustProxy = parseTrustProxy(env.TRUST_PROXY) ?? false;
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: typeof trustProxy === 'object' ? [...trustProxy] : trustProxy,
    rewriteUrl: (request: IncomingMessage) =>
      spaRewrite(request.url ?? '/', request.headers.accept, request.method ?? 'GET'),
  });
  const { redis } = await registerEdge(adapter.getInstance(), env);
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.register(env, redis), adapter, {
    logger: new JsonLogger('gateway', env.LOG_LEVEL),
  });
  app.useGlobalFilters(new AllExceptionsFilter());
  serveOpenApiDocument(app, 'gateway');
  await registerApiDocs(app);
  const root = webAppRoot();
  if (root) await registerWebApp(app, root);
  app.enableShutdownHooks();
  return app;
}
