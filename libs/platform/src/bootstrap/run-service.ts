import { type DynamicModule, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { BaseServiceEnv } from '../config/base-service.env';
import { ConfigValidationError } from '../config/load-config';
import { buildDataSourceOptions, type ServiceDataOptions } from '../database/data-source-options';
import { ensureDatabase } from '../database/ensure-database';
import { runLockedMigrations } from '../database/locked-migrations';
import type { ServiceEdge } from '../edge/service-edge';
import { JsonLogger } from '../logging/json-logger';
import { createServiceApp, startServiceApp } from './create-service-app';

export interface ServiceDefinition<E extends BaseServiceEnv> extends ServiceDataOptions {
  readonly service: string;
  readonly loadEnv: () => E;
  readonly module: (env: E) => DynamicModule;
  /** Edge duties for routes the ingress sends this service directly (see ServiceEdge). */
  readonly edge?: (env: E) => ServiceEdge;
}

function failFast(service: string, error: unknown): never {
  if (error instanceof ConfigValidationError) {
    process.stderr.write(`[${service}] ${error.message}\n`);
  } else {
    process.stderr.write(
      `[${service}] failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
}

/** main.ts of every service: validate config, build the hybrid app, consume, listen. */
export async function runService<E extends BaseServiceEnv>(definition: ServiceDefinition<E>): Promise<void> {
  try {
    const env = definition.loadEnv();
    const app = await createServiceApp({
      service: definition.service,
      env,
      module: definition.module(env),
      ...(definition.edge ? { edge: definition.edge(env) } : {}),
    });
    const port = await startServiceApp(app, env.HTTP_PORT, env.LISTEN_HOST);
    new Logger('Bootstrap').log(
      `${definition.service} listening on ${env.LISTEN_HOST}:${port} (api prefix /api/${definition.service})`,
    );
  } catch (error: unknown) {
    failFast(definition.service, error);
  }
}

/** migrate.ts of every service: create the database if needed and apply pending migrations. */
export async function runMigrations<E extends BaseServiceEnv>(
  definition: ServiceDefinition<E>,
): Promise<void> {
  try {
    const env = definition.loadEnv();
    Logger.overrideLogger(new JsonLogger(definition.service, env.LOG_LEVEL));
    await ensureDatabase(env.DATABASE_URL, env.DATABASE_NAME);
    const dataSource = new DataSource(buildDataSourceOptions(env, definition));
    await dataSource.initialize();
    try {
      const applied = await runLockedMigrations(dataSource);
      process.stdout.write(
        `[${definition.service}] ${applied} migration(s) applied to ${env.DATABASE_NAME}\n`,
      );
    } finally {
      await dataSource.destroy();
    }
  } catch (error: unknown) {
    failFast(definition.service, error);
  }
}
