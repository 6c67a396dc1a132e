import { PeriodicTask } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { PaymentsEnv } from '../config/payments.env';
import { RefundSettlementService } from './refund-settlement.service';

/**
 * Submits requested refunds (from exam, late payments, or staff refunds whose first call failed) every
 * PAYMENTS_JOB_INTERVAL_SECONDS (0 = off); each replica claims disjoint rows (SKIP LOCKED) under a lease.
 */
@Injectable()
export class RefundSubmissionScheduler extends PeriodicTask {
  protected readonly intervalSeconds: number;

  constructor(
    private readonly refunds: RefundSettlementService,
    env: PaymentsEnv,
  ) {
    super();
    this.intervalSeconds = env.PAYMENTS_JOB_INTERVAL_SECONDS;
  }

  protected async run(): Promise<void> {
    const submitted = await this.refunds.submitDue();
    if (submitted > 0) this.logger.log(`submitted ${submitted} refund(s) to the providers`);
  }
}
