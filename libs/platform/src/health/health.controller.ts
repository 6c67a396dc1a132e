import { Controller, Get } from '@nestjs/common';

import { Public } from '../auth/access.decorators';
import { HealthService, type HealthStatus } from './health.service';

/** Liveness says the process runs; readiness says its database and Kafka answer right now. */
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('live')
  live(): HealthStatus {
    return { status: 'ok' };
  }

  @Get('ready')
  ready(): Promise<HealthStatus> {
    return this.health.ready();
  }
}
