import { PeriodicTask } from '@exam/platform';
import { Inject, Injectable } from '@nestjs/common';

import { IdentityRetentionService } from './identity-retention.service';

/** Seconds between retention passes; 0 turns the schedule off. */
export const RETENTION_INTERVAL = Symbol('RETENTION_INTERVAL');
export const DEFAULT_RETENTION_INTERVAL_SECONDS = 3600;

/** Runs identity's retention pass; each step is safe concurrently, so every replica runs it. */
@Injectable()
export class IdentityRetentionScheduler extends PeriodicTask {
  constructor(
    private readonly retention: IdentityRetentionService,
    @Inject(RETENTION_INTERVAL) protected readonly intervalSeconds: number,
  ) {
    super();
  }

  protected async run(): Promise<void> {
    for (const outcome of (await this.retention.runPass()).steps) {
      // Retried at the next interval; data kept a little longer is deleted then.
      if (!outcome.ok) this.logger.warn(`Retention step ${outcome.step} failed: ${outcome.error}`);
      else if (outcome.deleted > 0)
        this.logger.log(
          `Retention step ${outcome.step} deleted ${outcome.deleted} rows in ${outcome.batches} batches`,
        );
    }
  }
}
