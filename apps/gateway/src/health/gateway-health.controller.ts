import { DomainError, HealthErrorCode } from '@exam/platform';
import { Controller, Get, Inject } from '@nestjs/common';
import type { Redis } from 'ioredis';

import { GatewayEnv } from '../config/gateway.env';
import { UPSTREAM_SERVICES, type UpstreamService, upstreamUrl } from '../edge/upstreams';

export const GATEWAY_REDIS = Symbol('GATEWAY_REDIS');

export type UpstreamState = 'ready' | 'not_ready' | 'unreachable';

/** The gateway is ready when its rate-limit store answers; `/health/services` shows every upstream. */
@Controller('health')
export class GatewayHealthController {
  constructor(
    private readonly env: GatewayEnv,
    @Inject(GATEWAY_REDIS) private readonly redis: Redis | null,
  ) {}

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(): Promise<{ status: 'ok' }> {
    if (this.redis) {
      try {
        await this.redis.ping();
      } catch {
        throw new DomainError(
          HealthErrorCode.NOT_READY,
          'Gateway is not ready: the rate-limit store is unreachable.',
        );
      }
    }
    return { status: 'ok' };
  }

  @Get('services')
  async services(): Promise<Record<UpstreamService, UpstreamState>> {
    const states = await Promise.all(
      UPSTREAM_SERVICES.map(async (service): Promise<[UpstreamService, UpstreamState]> => {
        try {
          const response = await fetch(`${upstreamUrl(this.env, service)}/health/ready`, {
            signal: AbortSignal.timeout(2500),
          });
          return [service, response.ok ? 'ready' : 'not_ready'];
        } catch {
          return [service, 'unreachable'];
        }
      }),
    );
    return Object.fromEntries(states) as Record<UpstreamService, UpstreamState>;
  }
}
