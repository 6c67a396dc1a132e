import { type BeforeApplicationShutdown, Logger, type OnApplicationBootstrap } from '@nestjs/common';

/** The delay before the next run: the interval ±10 %, so replicas started together drift apart instead of colliding. */
export function jitteredDelayMs(intervalSeconds: number, random: () => number = Math.random): number {
  return Math.round(intervalSeconds * 1000 * (0.9 + 0.2 * random()));
}

/**
 * A job that runs in-process every `intervalSeconds` on every replica (so it must be safe to run concurrently:
 * no leader election), never overlapping itself, and finishing its current run before the service stops.
 * A failed run is logged and simply retried at the next interval. An interval of 0 turns it off.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  protected abstract readonly intervalSeconds: number;

  /** One run; throwing is fine (logged, retried next time). */
  protected abstract run(): Promise<void>;

  onApplicationBootstrap(): void {
    this.stopped = false;
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
      this.running = this.runSafely().finally(() => {
        this.schedule();
      });
    }, jitteredDelayMs(this.intervalSeconds));
    this.timer.unref();
  }

  private async runSafely(): Promise<void> {
    try {
      await this.run();
    } catch (error: unknown) {
      this.logger.warn(
        `${this.constructor.name} run failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
