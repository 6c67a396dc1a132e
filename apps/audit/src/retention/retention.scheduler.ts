import { PeriodicTask } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';

import type { AuditEnv } from '../config/audit.env';
import { AUDIT_ENV } from '../config/audit-env.token';
import { RetentionService } from './retention.service';

/** Runs the login-data retention every AUDIT_RETENTION_INTERVAL_MS (0 = never); safe on every replica. */
@Injectable()
export class RetentionScheduler extends PeriodicTask {
  protected readonly intervalSeconds: number;

  constructor(
    private readonly retention: RetentionService,
    @Inject(AUDIT_ENV) env: AuditEnv,
  ) {
    super();
    this.intervalSeconds = env.AUDIT_RETENTION_INTERVAL_MS / 1000;
  }

  protected async run(): Promise<void> {
    this.logger.log(`Retention run deleted ${JSON.stringify((await this.retention.run()).deleted)}`);
  }
}
