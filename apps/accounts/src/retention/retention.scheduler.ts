import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ACCOUNTS_ENV } from '../config/accounts-env.token';
import type { AccountsEnv } from '../config/accounts.env';
import { nextDelayMs } from './retention-policy';
import { RetentionService } from './retention.service';

/**
 * Runs the retention pass every RETENTION_INTERVAL_SECONDS (0 = never, e.g. in tests that need dead rows).
 * In-process, on every replica: the pass is safe to run concurrently, so no leader election is needed.
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RetentionScheduler.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly retention: RetentionService,
    @Inject(ACCOUNTS_ENV) private readonly env: AccountsEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.RETENTION_INTERVAL_SECONDS === 0) return;
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runOnce().finally(() => {
        this.schedule();
      });
    }, nextDelayMs(this.env.RETENTION_INTERVAL_SECONDS));
    this.timer.unref();
  }

  private async runOnce(): Promise<void> {
    try {
      const report = await this.retention.sweep();
      this.logger.log(`Retention pass deleted ${JSON.stringify(report)}`);
    } catch (error: unknown) {
      // A failed pass (database away) is retried at the next interval; nothing is lost by waiting.
      this.logger.warn(`Retention pass failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
