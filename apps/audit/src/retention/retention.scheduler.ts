import { PeriodicTask } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { AuditEnv } from '../config/audit.env';
import { RetentionService } from './retention.service';

/** Runs the login-data retention every RETENTION_INTERVAL_SECONDS (0 = never); safe on every replica. */
@Injectable()
export class RetentionScheduler extends PeriodicTask {
  protected readonly intervalSeconds: number;

  constructor(
    private readonly retention: RetentionService,
    env: AuditEnv,
  ) {
    super();
    this.intervalSeconds = env.RETENTION_INTERVAL_SECONDS;
  }

  protected async run(): Promise<void> {
    this.logger.log(`Retention run deleted ${JSON.stringify((await this.retention.run()).deleted)}`);
  }
}
