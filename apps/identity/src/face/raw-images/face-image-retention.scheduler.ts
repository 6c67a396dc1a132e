import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { FaceImageRetentionService } from './face-image-retention.service';

/** Seconds between purges of expired raw images; 0 turns the schedule off (the admin route still runs it). */
export const FACE_IMAGE_RETENTION_INTERVAL = Symbol('FACE_IMAGE_RETENTION_INTERVAL');
export const DEFAULT_FACE_IMAGE_RETENTION_INTERVAL_SECONDS = 3600;

/** Runs the purge on every replica (it is safe concurrently), so no leader election is needed. */
@Injectable()
export class FaceImageRetentionScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(FaceImageRetentionScheduler.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly retention: FaceImageRetentionService,
    @Inject(FACE_IMAGE_RETENTION_INTERVAL) private readonly intervalSeconds: number,
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
      const purge = await this.retention.purgeExpired();
      if (purge.deleted > 0) this.logger.log(`Erased ${purge.deleted} expired raw face images`);
    } catch (error: unknown) {
      // Retried at the next interval; an image kept a little longer is erased then.
      this.logger.warn(`Raw face image purge failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
