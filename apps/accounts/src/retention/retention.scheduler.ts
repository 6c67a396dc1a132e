import { RetentionTask } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { AccountsEnv } from '../config/accounts.env';
import { RetentionService } from './retention.service';

/** Runs the retention pass every RETENTION_INTERVAL_SECONDS (0 = never, e.g. in tests that need dead rows). */
@Injectable()
export class RetentionScheduler extends RetentionTask {
  protected readonly intervalSeconds: number;

  constructor(
    protected readonly retention: RetentionService,
    env: AccountsEnv,
  ) {
    super();
    this.intervalSeconds = env.RETENTION_INTERVAL_SECONDS;
  }
}
