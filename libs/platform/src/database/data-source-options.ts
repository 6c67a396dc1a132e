import { CryptoKeyRotationProgress1764201600000, KeyRotationProgressEntity } from '@exam/crypto';
import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';

import type { BaseServiceEnv } from '../config/base-service.env';
import { PLATFORM_ENTITIES } from '../messaging/platform-entities';
import { PlatformMessagingTables1764115200000 } from '../messaging/platform-messaging.migration';
import { PersonalDataReveals1764115200003 } from '../reveal/personal-data-reveal.migration';
import { PersonalDataRevealActors1765012000300 } from '../reveal/reveal-quota.migration';
import { parseMysqlUrl } from './mysql-url';
import { SafeTypeOrmLogger } from './safe-typeorm.logger';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityList = MixedList<Function | string | EntitySchema>;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type MigrationList = Function[];

export interface ServiceDataOptions {
  readonly entities: EntityList;
  readonly migrations: MigrationList;
}

/** One place that turns a service env into TypeORM options: migrations always, never synchronize. */
export function buildDataSourceOptions(env: BaseServiceEnv, data: ServiceDataOptions): DataSourceOptions {
  const server = parseMysqlUrl(env.DATABASE_URL);
  const entities = Array.isArray(data.entities) ? data.entities : Object.values(data.entities);
  return {
    type: 'mysql',
    host: server.host,
    port: server.port,
    username: server.user,
    password: server.password,
    database: env.DATABASE_NAME,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    entities: [...PLATFORM_ENTITIES, KeyRotationProgressEntity, ...entities],
    migrations: [
      PlatformMessagingTables1764115200000,
      PersonalDataReveals1764115200003,
      CryptoKeyRotationProgress1764201600000,
      PersonalDataRevealActors1765012000300,
      ...data.migrations,
    ],
    migrationsTableName: 'schema_migrations',
    // Migrations run under a lock (runLockedMigrations), never through TypeORM's unlocked migrationsRun.
    migrationsRun: false,
    synchronize: false,
    logger: new SafeTypeOrmLogger(),
    maxQueryExecutionTime: 2000,
    extra: { connectionLimit: 10, connectTimeout: 5000 },
  };
}
