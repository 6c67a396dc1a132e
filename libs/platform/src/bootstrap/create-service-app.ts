import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';

import type { BaseServiceEnv } from '../config/base-service.env';
import { registerServiceEdge, type ServiceEdge } from '../edge/service-edge';
import { configureHttp } from '../http/configure-http';
import { registerStrictJsonParser } from '../http/strict-json.parser';
import { JsonLogger } from '../logging/json-logger';
import { KafkaEventServer } from '../messaging/consumer/kafka-event.server';
import { serveOpenApiDocument } from '../openapi/serve-openapi';

export interface ServiceAppOptions {
  readonly service: string;
  readonly env: BaseServiceEnv;
  readonly module: DynamicModule;
  /** Edge duties for the routes the ingress sends this service directly (exam's exam room); none by default. */
  readonly edge?: ServiceEdge;
}

/**
 * Builds a service as a hybrid app (HTTP + Kafka event consumer) with the shared HTTP edge and its OpenAPI
 * document at `GET /api/<service>/openapi.json`.
 * Used by main.ts and by e2e tests alike, so tests exercise exactly what production runs.
 */
export async function createServiceApp({
  service,
  env,
  module,
  edge,
}: ServiceAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: Number(env.BODY_LIMIT_BYTES),
    trustProxy: env.TRUSTED_PROXIES,
  });
  if (edge) await registerServiceEdge(adapter.getInstance(), edge, env);
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: new JsonLogger(service, env.LOG_LEVEL),
    // JSON bodies go through the strict parser below; no route takes form-encoded bodies.
    bodyParser: false,
  });
  registerStrictJsonParser(adapter.getInstance(), Number(env.BODY_LIMIT_BYTES));
  configureHttp(app, service);
  serveOpenApiDocument(app, service);
  app.connectMicroservice({ strategy: app.get(KafkaEventServer) }, { inheritAppConfig: false });
  app.enableShutdownHooks();
  return app;
}

/** Starts consuming and listening on `host` (loopback unless told otherwise); returns the bound port. */
export async function startServiceApp(
  app: NestFastifyApplication,
  port: number,
  host = '127.0.0.1',
): Promise<number> {
  await app.startAllMicroservices();
  await app.listen(port, host);
  const address = app.getHttpServer().address();
  return typeof address === 'object' && address !== null ? address.port : port;
}
