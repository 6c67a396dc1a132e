import {
  BaseServiceEnv,
  createServiceApp,
  loadConfig,
  type ServiceEdge,
  startServiceApp,
} from '@exam/platform';
import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { inspectResponse } from './response-leak-monitor';
import { testEnv } from './test-env';
import { testJwtPublicKeys, testJwtSigningKey } from './test-tokens';

export interface TestServiceEnvInput {
  readonly databaseName: string;
  readonly topicPrefix: string;
  readonly overrides?: Readonly<Record<string, string>>;
}

function testKafkaSaslEnv(): Record<string, string> {
  const sasl = testEnv().kafkaSasl;
  if (sasl === undefined) return {};
  return {
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: sasl.username,
    KAFKA_SASL_PASSWORD: sasl.password,
  };
}

/** A validated service env pointing at this run's test database, broker and topic prefix. */
export function testServiceEnv<E extends BaseServiceEnv>(cls: new () => E, input: TestServiceEnvInput): E {
  return loadConfig(cls, {
    ...testKafkaSaslEnv(),
    NODE_ENV: 'test',
    HTTP_PORT: '0',
    DATABASE_URL: testEnv().databaseUrl,
    DATABASE_NAME: input.databaseName,
    DB_MIGRATIONS_RUN: 'true',
    KAFKA_BROKERS: testEnv().kafkaBrokers.join(','),
    KAFKA_TOPIC_PREFIX: input.topicPrefix,
    OUTBOX_POLL_SECONDS: '0.05',
    LOG_LEVEL: 'error',
    JWT_PUBLIC_KEYS: testJwtPublicKeys(),
    JWT_PRIVATE_KEY: testJwtSigningKey().pem,
    JWT_KEY_ID: testJwtSigningKey().kid,
    ...input.overrides,
  });
}

export interface RunningService {
  readonly app: NestFastifyApplication;
  readonly url: string;
  close(): Promise<void>;
}

/** Boots a service exactly as main.ts does (hybrid HTTP + Kafka), on a free port. */
export async function startTestService(
  service: string,
  env: BaseServiceEnv,
  module: DynamicModule,
  edge?: ServiceEdge,
): Promise<RunningService> {
  const app = await createServiceApp({ service, env, module, ...(edge ? { edge } : {}) });
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', (request, _reply, payload, done) => {
      if (typeof payload === 'string') {
        inspectResponse(request.method, request.routeOptions.url ?? request.url, request.url, payload);
      }
      done(null, payload);
    });
  const port = await startServiceApp(app, 0, '127.0.0.1');
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    close: () => app.close(),
  };
}
