import { registerFieldEncryption } from '@exam/crypto';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AccessGuard } from './auth/access.guard';
import { AUTH_SETTINGS, type AuthSettings } from './auth/auth.settings';
import { JwtStrategy } from './auth/jwt.strategy';
import { parsePublicKeys } from './auth/jwt-keys';
import { SESSION_REVOCATIONS, SessionRevocations } from './auth/session-revocations';
import type { BaseServiceEnv } from './config/base-service.env';
import { buildDataSourceOptions, type ServiceDataOptions } from './database/data-source-options';
import { ensureDatabase } from './database/ensure-database';
import { FIELD_PROTECTION, fieldProtectionFrom } from './database/field-protection.provider';
import { runLockedMigrations } from './database/locked-migrations';
import { HealthController } from './health/health.controller';
import { HealthService } from './health/health.service';
import { DeadLetterPublisher } from './messaging/consumer/dead-letter.publisher';
import { KafkaEventServer } from './messaging/consumer/kafka-event.server';
import { KafkaConnection } from './messaging/kafka-connection';
import { MESSAGING_SETTINGS, messagingSettingsFrom } from './messaging/messaging.settings';
import { EventPublisher } from './messaging/outbox/event-publisher';
import { OutboxRelay } from './messaging/outbox/outbox.relay';
import { PersonalDataRevealService } from './reveal/personal-data-reveal.service';
import { Clock, SystemClock } from './time/clock';

export interface PlatformOptions extends ServiceDataOptions {
  readonly service: string;
  readonly env: BaseServiceEnv;
}

/** Database, outbox relay, event consumer transport and health endpoints for one service. */
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    const { REDIS_URL: redisUrl, NODE_ENV: nodeEnv } = options.env;
    if (redisUrl === undefined && nodeEnv === 'production')
      throw new Error('REDIS_URL: production needs the shared session revocation list (redis://host:6379)');
    const protection = fieldProtectionFrom(options.env);
    // Keep an early key failure from surfacing as an unhandled rejection before Nest awaits it.
    protection.catch(() => undefined);
    return {
      module: PlatformModule,
      global: true,
      imports: [
        PassportModule,
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...buildDataSourceOptions(options.env, options),
            retryAttempts: 5,
            retryDelay: 2000,
          }),
          dataSourceFactory: async (dataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('TypeORM options missing');
            if (options.env.DB_MIGRATIONS_RUN)
              await ensureDatabase(options.env.DATABASE_URL, options.env.DATABASE_NAME);
            const { cipher, blindIndex } = await protection;
            const dataSource = await new DataSource(dataSourceOptions).initialize();
            if (options.env.DB_MIGRATIONS_RUN) await runLockedMigrations(dataSource);
            registerFieldEncryption(dataSource, { service: options.service, cipher, blindIndex });
            return dataSource;
          },
        }),
      ],
      controllers: [HealthController],
      providers: [
        { provide: MESSAGING_SETTINGS, useValue: messagingSettingsFrom(options.service, options.env) },
        {
          provide: AUTH_SETTINGS,
          useValue: { publicKeys: parsePublicKeys(options.env.JWT_PUBLIC_KEYS) } satisfies AuthSettings,
        },
        JwtStrategy,
        {
          provide: SESSION_REVOCATIONS,
          useFactory: () => (redisUrl === undefined ? null : SessionRevocations.connect(redisUrl)),
        },
        { provide: FIELD_PROTECTION, useFactory: () => protection },
        { provide: Clock, useClass: SystemClock },
        // The service's validated env, injectable by its own class (AccountsEnv, AuditEnv, …) in every module.
        { provide: options.env.constructor, useValue: options.env },
        { provide: APP_GUARD, useClass: AccessGuard },
        KafkaConnection,
        HealthService,
        EventPublisher,
        OutboxRelay,
        DeadLetterPublisher,
        KafkaEventServer,
        PersonalDataRevealService,
      ],
      exports: [
        Clock,
        options.env.constructor,
        AUTH_SETTINGS,
        SESSION_REVOCATIONS,
        FIELD_PROTECTION,
        TypeOrmModule,
        KafkaConnection,
        EventPublisher,
        OutboxRelay,
        KafkaEventServer,
        MESSAGING_SETTINGS,
        PersonalDataRevealService,
      ],
    };
  }
}
