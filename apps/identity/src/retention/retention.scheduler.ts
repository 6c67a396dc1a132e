import { RetentionTask } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { IdentityEnv } from '../config/identity.env';
import { RetentionService } from './retention.service';

/** Runs the retention pass every RETENTION_INTERVAL_SECONDS on every replica (0 = never, e.g. in tests). */
@Injectable()
export class RetentionScheduler extends RetentionTask {
  protected readonly intervalSeconds: number;

  constructor(
    protected readonly retention: RetentionService,
    env: IdentityEnv,
  ) {
    super();
    this.intervalSeconds = env.RETENTION_INTERVAL_SECONDS;
  }
}
