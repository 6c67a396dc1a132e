import { PeriodicTask } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { AuditEnv } from '../config/audit.env';
import { ChainCheckpointService } from './chain-checkpoint.service';
import { ChainWatchService } from './chain-watch.service';

/**
 * Signs the stream heads every AUDIT_CHECKPOINT_INTERVAL_SECONDS (0 = only on demand), and alerts on
 * entries past a head.
 */
@Injectable()
export class ChainCheckpointScheduler extends PeriodicTask {
  protected readonly intervalSeconds: number;

  constructor(
    private readonly checkpoints: ChainCheckpointService,
    private readonly watch: ChainWatchService,
    env: AuditEnv,
  ) {
    super();
    this.intervalSeconds = env.AUDIT_CHECKPOINT_INTERVAL_SECONDS;
  }

  protected async run(): Promise<void> {
    await this.checkpoints.checkpointAll();
    await this.watch.checkEntriesBeyondHead();
  }
}
