import { PeriodicTask } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { AuditEnv } from '../config/audit.env';
import { ChainCheckpointService } from './chain-checkpoint.service';

/** Signs the stream heads every AUDIT_CHECKPOINT_INTERVAL_SECONDS (0 = only on demand). */
@Injectable()
export class ChainCheckpointScheduler extends PeriodicTask {
  protected readonly intervalSeconds: number;

  constructor(
    private readonly checkpoints: ChainCheckpointService,
    env: AuditEnv,
  ) {
    super();
    this.intervalSeconds = env.AUDIT_CHECKPOINT_INTERVAL_SECONDS;
  }

  protected async run(): Promise<void> {
    await this.checkpoints.checkpointAll();
  }
}
