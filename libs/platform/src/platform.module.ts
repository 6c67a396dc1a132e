import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessGuard } from './auth/access.guard';
import { AUTH_SETTINGS, type AuthSettings } from './auth/auth.settings';
import { parsePublicKeys } from './auth/jwt-keys';
import { JwtStrategy } from './auth/jwt.strategy';
import type { BaseServiceEnv } from './config/base-service.env';
import { buildDataSourceOptions, type ServiceDataOptions } from './database/data-source-options';
import { ensureDatabase } from './database/ensure-database';
import { runLockedMigrations } from './database/locked-migrations';
import { HealthController } from './health/health.controller';
import { DeadLetterPublisher } from './messaging/consumer/dead-letter.publisher';
import { KafkaEventServer } from './messaging/consumer/kafka-event.server';
import { KafkaConnection } from './messaging/kafka-connection';
import { MESSAGING_SETTINGS, messagingSettingsFrom } from './messaging/messaging.settings';
import { EventPublisher } from './messaging/outbox/event-publisher';
import { OutboxRelay } from './messaging/outbox/outbox.relay';

export interface PlatformOptions extends ServiceDataOptions {
  readonly service: string;
  readonly env: BaseServiceEnv;
}

/** Database, outbox relay, event consumer transport and health endpoints for one service. */
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [
        PassportModule,
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...buildDataSourceOptions(options.env, options), retryAttempts: 5, retryDelay: 2000 }),
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('TypeORM options missing');
            if (options.env.DB_MIGRATIONS_RUN) await ensureDatabase(options.env.DATABASE_URL, options.env.DATABASE_NAME);
            const dataSource = await new DataSource(dataSourceOptions).initialize();
            if (options.env.DB_MIGRATIONS_RUN) await runLockedMigrations(dataSource);
            return dataSource;
          },
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: MESSAGING_SETTINGS, useValue: messagingSettingsFrom(options.service, options.env) },
        { provide: AUTH_SETTINGS, useValue: { publicKeys: parsePublicKeys(options.env.JWT_PUBLIC_KEYS) } satisfies AuthSettings },
        JwtStrategy,
        { provide: APP_GUARD, useClass: AccessGuard },
        KafkaConnection,
        EventPublisher,
        OutboxRelay,
        DeadLetterPublisher,
        KafkaEventServer,
      ],
      exports: [AUTH_SETTINGS, TypeOrmModule, KafkaConnection, EventPublisher, OutboxRelay, KafkaEventServer, MESSAGING_SETTINGS],
    };
  }
}
