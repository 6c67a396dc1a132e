import { DynamicModule, Module } from '@nestjs/common';
import type { Redis } from 'ioredis';

import { GatewayEnv } from './config/gateway.env';
import { GATEWAY_REDIS, GatewayHealthController } from './health/gateway-health.controller';

@Module({})
export class GatewayModule {
  static register(env: GatewayEnv, redis: Redis | undefined): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [GatewayHealthController],
      providers: [
        { provide: GatewayEnv, useValue: env },
        { provide: GATEWAY_REDIS, useValue: redis ?? null },
      ],
    };
  }
}
