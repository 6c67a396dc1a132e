import { PeriodicTask } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { PaymentsEnv } from '../config/payments.env';
import { ReconciliationService } from './reconciliation.service';

/**
 * Asks the providers about orders and refunds whose callback never came, every
 * PAYMENTS_RECONCILE_INTERVAL_SECONDS (0 = off), on every replica (rows are claimed with SKIP LOCKED).
 */
@Injectable()
export class ReconciliationScheduler extends PeriodicTask {
  protected readonly intervalSeconds: number;

  constructor(
    private readonly reconciliation: ReconciliationService,
    env: PaymentsEnv,
  ) {
    super();
    this.intervalSeconds = env.PAYMENTS_RECONCILE_INTERVAL_SECONDS;
  }

  protected async run(): Promise<void> {
    const report = await this.reconciliation.reconcileDue();
    if (report.ordersChecked + report.refundsChecked > 0)
      this.logger.log(
        `reconciled ${report.ordersChecked} order(s), ${report.paymentsApplied} payment(s) applied; ` +
          `${report.refundsChecked} refund(s), ${report.refundsSettled} settled; ${report.unreachable} unreachable`,
      );
  }
}
