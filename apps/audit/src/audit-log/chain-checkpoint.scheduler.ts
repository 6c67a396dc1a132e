import { PeriodicTask } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';

import type { AuditEnv } from '../config/audit.env';
import { AUDIT_ENV } from '../config/audit-env.token';
import { ChainCheckpointService } from './chain-checkpoint.service';

/** Signs the stream heads every AUDIT_CHECKPOINT_INTERVAL_MS (0 = only on demand). */
@Injectable()
export class ChainCheckpointScheduler extends PeriodicTask {
  protected readonly intervalSeconds: number;

  constructor(
    private readonly checkpoints: ChainCheckpointService,
    @Inject(AUDIT_ENV) env: AuditEnv,
  ) {
    super();
    this.intervalSeconds = env.AUDIT_CHECKPOINT_INTERVAL_MS / 1000;
  }

  protected async run(): Promise<void> {
    await this.checkpoints.checkpointAll();
  }
}
