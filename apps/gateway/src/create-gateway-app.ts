import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { AllExceptionsFilter, JsonLogger } from '@exam/platform';
import { serveOpenApiDocument } from '@exam/platform/openapi';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

import { registerApiDocs } from './api-docs/api-docs';
import type { GatewayEnv } from './config/gateway.env';
import { parseTrustProxy } from './config/trust-proxy';
import { registerEdge } from './edge/register-edge';
import { GatewayModule } from './gateway.module';

/** apps/web/public, found both from sources (ts) and from the compiled dist tree. */
function webRoot(): string | undefined {
  const candidates = [
    join(__dirname, '..', '..', 'web', 'public'),
    join(__dirname, '..', '..', '..', '..', 'apps', 'web', 'public'),
  ];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

export async function createGatewayApp(env: GatewayEnv): Promise<NestFastifyApplication> {
  const trustProxy = parseTrustProxy(env.TRUST_PROXY) ?? false;
  const adapter = new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: typeof trustProxy === 'object' ? [...trustProxy] : trustProxy,
  });
  const { redis } = await registerEdge(adapter.getInstance(), env);
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.register(env, redis), adapter, {
    logger: new JsonLogger('gateway', env.LOG_LEVEL),
  });
  app.useGlobalFilters(new AllExceptionsFilter());
  serveOpenApiDocument(app, 'gateway');
  await registerApiDocs(app);
  const root = webRoot();
  if (root) await app.register(fastifyStatic, { root, prefix: '/', index: ['index.html'] });
  app.enableShutdownHooks();
  return app;
}
