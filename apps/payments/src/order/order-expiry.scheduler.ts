import { PeriodicTask } from '@exam/platform';
import { Injectable } from '@nestjs/common';

import { PaymentsEnv } from '../config/payments.env';
import { OrderExpiryService } from './order-expiry.service';

/**
 * Expires unpaid orders every PAYMENTS_JOB_INTERVAL_SECONDS (0 = off), on every replica: rows are claimed with
 * SKIP LOCKED, so replicas never expire the same order twice.
 */
@Injectable()
export class OrderExpiryScheduler extends PeriodicTask {
  protected readonly intervalSeconds: number;

  constructor(
    private readonly expiry: OrderExpiryService,
    env: PaymentsEnv,
  ) {
    super();
    this.intervalSeconds = env.PAYMENTS_JOB_INTERVAL_SECONDS;
  }

  protected async run(): Promise<void> {
    let expired = 0;
    do {
      expired = await this.expiry.expireDue();
      if (expired > 0) this.logger.log(`expired ${expired} unpaid order(s)`);
    } while (expired > 0);
  }
}
