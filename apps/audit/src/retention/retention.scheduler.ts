import { RetentionTask } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { AuditEnv } from '../config/audit.env';
import { RetentionService } from './retention.service';

/** Runs the retention pass every RETENTION_INTERVAL_SECONDS (0 = never); safe on every replica. */
@Injectable()
export class RetentionScheduler extends RetentionTask {
  protected readonly intervalSeconds: number;

  constructor(
    protected readonly retention: RetentionService,
    env: AuditEnv,
  ) {
    super();
    this.intervalSeconds = env.RETENTION_INTERVAL_SECONDS;
  }
}
