import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { IdentityRetentionService, type RetentionPass } from './identity-retention.service';

/** Seconds between retention passes; 0 turns the schedule off. */
export const RETENTION_INTERVAL = Symbol('RETENTION_INTERVAL');
export const DEFAULT_RETENTION_INTERVAL_SECONDS = 3600;

/** Runs the pass on every replica (each step is safe concurrently), so no leader election is needed. */
@Injectable()
export class IdentityRetentionScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IdentityRetentionScheduler.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly retention: IdentityRetentionService,
    @Inject(RETENTION_INTERVAL) private readonly intervalSeconds: number,
  ) {}

  onApplicationBootstrap(): void {
    if (this.intervalSeconds > 0) this.schedule();
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
    }, this.intervalSeconds * 1000);
    this.timer.unref();
  }

  private async runOnce(): Promise<void> {
    try {
      this.report(await this.retention.runPass());
    } catch (error: unknown) {
      this.logger.warn(`Retention pass failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private report(pass: RetentionPass): void {
    for (const outcome of pass.steps) {
      // Retried at the next interval; data kept a little longer is deleted then.
      if (!outcome.ok) this.logger.warn(`Retention step ${outcome.step} failed: ${outcome.error}`);
      else if (outcome.deleted > 0) this.logger.log(`Retention step ${outcome.step} deleted ${outcome.deleted} rows in ${outcome.batches} batches`);
    }
  }
}
