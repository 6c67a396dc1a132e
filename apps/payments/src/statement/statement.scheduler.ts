import { Clock, PeriodicTask } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { PaymentsEnv } from '../config/payments.env';
import { PROVIDERS } from '../order/order.entity';
import { merchantHourOf, previousMerchantDate } from './domain/merchant-day';
import { StatementRunsService } from './statement-runs.service';

/**
 * Compares yesterday's statements (Beijing day) once the providers have published them
 * (PAYMENTS_STATEMENT_HOUR, Beijing time), checking every PAYMENTS_JOB_INTERVAL_SECONDS (0 = off). Every replica
 * runs it; the run row unique per provider and day is claimed by one of them.
 */
@Injectable()
export class StatementScheduler extends PeriodicTask {
  protected readonly intervalSeconds: number;

  constructor(
    private readonly runs: StatementRunsService,
    private readonly env: PaymentsEnv,
    private readonly clock: Clock,
  ) {
    super();
    this.intervalSeconds = env.PAYMENTS_JOB_INTERVAL_SECONDS;
  }

  protected async run(): Promise<void> {
    const now = this.clock.now();
    if (merchantHourOf(now) < this.env.PAYMENTS_STATEMENT_HOUR) return;
    const date = previousMerchantDate(now);
    for (const provider of PROVIDERS) {
      if (!this.runs.offered(provider)) continue;
      const outcome = await this.runs.runScheduled(provider, date);
      if (outcome !== 'skipped') this.logger.log(`${provider} statement of ${date}: ${outcome}`);
    }
  }
}
