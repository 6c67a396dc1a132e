import { DependencyNotReadyError } from '@exam/platform';
import { Controller, Get, Inject } from '@nestjs/common';
import type { Redis } from 'ioredis';

import { GatewayEnv } from '../config/gateway.env';
import { UPSTREAM_SERVICES, type UpstreamService, upstreamUrl } from '../edge/upstreams';

export const GATEWAY_REDIS = Symbol('GATEWAY_REDIS');

export type UpstreamState = 'ready' | 'not_ready' | 'unreachable';

/** What `/health/services` checks: every proxied service, and the authority simulator where configured. */
function statusTargets(env: GatewayEnv): [string, string][] {
  const targets = UPSTREAM_SERVICES.map((service): [string, string] => [service, upstreamUrl(env, service)]);
  if (env.AUTHORITY_SIM_URL !== undefined) targets.push(['authority-sim', env.AUTHORITY_SIM_URL]);
  return targets;
}

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
        throw new DependencyNotReadyError('Gateway is not ready: the rate-limit store is unreachable.');
      }
    }
    return { status: 'ok' };
  }

  /** Each upstream's readiness; `authority-sim` too when AUTHORITY_SIM_URL is set (development). */
  @Get('services')
  async services(): Promise<Record<UpstreamService, UpstreamState> & { 'authority-sim'?: UpstreamState }> {
    const states = await Promise.all(
      statusTargets(this.env).map(async ([service, url]): Promise<[string, UpstreamState]> => {
        try {
          const response = await fetch(`${url}/health/ready`, {
            signal: AbortSignal.timeout(2500),
          });
          return [service, response.ok ? 'ready' : 'not_ready'];
        } catch {
          return [service, 'unreachable'];
        }
      }),
    );
    return Object.fromEntries(states) as Record<UpstreamService, UpstreamState> & {
      'authority-sim'?: UpstreamState;
    };
  }
}
