import { PeriodicTask } from './periodic-task';

/** Rows deleted or anonymised per data class in one retention pass (e.g. `{ sessions: 12, codes: 40 }`). */
export type RetentionReport = Readonly<Record<string, number>>;

/** What a service's `retention/retention.service.ts` implements: one bounded, replica-safe pass. */
export interface RetentionSweep {
  sweep(): Promise<RetentionReport>;
}

/**
 * The one way a service schedules its retention: `retention/retention.scheduler.ts` extends this with the
 * service's RetentionService and `RETENTION_INTERVAL_SECONDS` (0 = off; the pass can still be run on demand).
 */
export abstract class RetentionTask extends PeriodicTask {
  protected abstract readonly retention: RetentionSweep;

  protected async run(): Promise<void> {
    const report = await this.retention.sweep();
    const total = Object.values(report).reduce((sum, n) => sum + n, 0);
    if (total > 0) this.logger.log(`Retention pass removed ${JSON.stringify(report)}`);
  }
}
