import { exponentialBackoff, type Scheduler } from './scheduler';
import type { ProctoringEvent, ProctoringReport } from './types';

export type ReportFailureKind = 'network' | 'retry' | 'drop' | 'stop';

export type NewProctoringEvent = Omit<ProctoringEvent, 'clientEventId' | 'occurredAt'>;

export interface ProctoringBatcherOptions {
  readonly send: (events: readonly ProctoringEvent[]) => Promise<ProctoringReport>;
  readonly classify: (error: unknown) => ReportFailureKind;
  readonly newId: () => string;
  readonly scheduler: Scheduler;
  /** Stamps `occurredAt` (informative only: the server records its own time). */
  readonly serverNow?: () => number;
  /** How long events gather before a report (an urgent event is sent at once). */
  readonly delayMs?: number;
  readonly maxBatch?: number;
  readonly backoff?: (failures: number) => number;
  /** What the server made of a report: warnings so far, and whether a consequence applied. */
  readonly onReport?: (report: ProctoringReport) => void;
  /** The attempt takes no more reports (closed, taken over). */
  readonly onStopped?: (error: unknown) => void;
}

/**
 * Proctoring events in batches (at most 50 per report), each with its client id from the moment it is seen, so a
 * retried report records nothing twice. Events gather for a few seconds; a report that gets no answer is retried
 * as it was, with backoff, and new events wait behind it.
 */
export class ProctoringBatcher {
  private queue: ProctoringEvent[] = [];
  private inFlight: readonly ProctoringEvent[] | null = null;
  private cancelTimer: (() => void) | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private failures = 0;
  private retryAt = 0;
  private stopped = false;

  constructor(private readonly options: ProctoringBatcherOptions) {}

  record(event: NewProctoringEvent, urgent = false): ProctoringEvent {
    const stamped: ProctoringEvent = {
      ...event,
      clientEventId: this.options.newId(),
      ...(this.options.serverNow ? { occurredAt: new Date(this.options.serverNow()).toISOString() } : {}),
    };
    if (this.stopped) return stamped;
    this.queue.push(stamped);
    this.schedule(urgent ? 0 : (this.options.delayMs ?? 3_000));
    return stamped;
  }

  /** Sends what is waiting now (the connection came back, or the room is closing). */
  flush(): void {
    this.retryAt = 0;
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.schedule(0);
  }

  get pending(): number {
    return this.queue.length + (this.inFlight?.length ?? 0);
  }

  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
  }

  private schedule(delayMs: number): void {
    if (this.stopped || this.inFlight !== null) return;
    const now = this.options.scheduler.now();
    const at = Math.max(now + delayMs, this.retryAt);
    // The batch window runs from its first event: a later event does not push the report back.
    if (this.cancelTimer !== null && this.timerAt <= at) return;
    this.cancelTimer?.();
    this.timerAt = at;
    this.cancelTimer = this.options.scheduler.after(at - now, () => {
      this.cancelTimer = null;
      this.timerAt = Number.POSITIVE_INFINITY;
      void this.send();
    });
  }

  private async send(): Promise<void> {
    if (this.stopped || this.inFlight !== null || this.queue.length === 0) return;
    const batch = this.queue.slice(0, this.options.maxBatch ?? 50);
    this.queue = this.queue.slice(batch.length);
    this.inFlight = batch;
    let retry = false;
    try {
      const report = await this.options.send(batch);
      this.failures = 0;
      this.options.onReport?.(report);
    } catch (error: unknown) {
      const kind = this.options.classify(error);
      if (kind === 'network' || kind === 'retry') {
        retry = true;
        this.failures += 1;
        this.retryAt =
          this.options.scheduler.now() + (this.options.backoff ?? exponentialBackoff)(this.failures);
      } else if (kind === 'stop') {
        this.stop();
        this.options.onStopped?.(error);
      }
    } finally {
      if (retry) this.queue = [...batch, ...this.queue];
      this.inFlight = null;
      if (this.queue.length > 0) this.schedule(0);
    }
  }
}

/**
 * Time away from the exam page: the page is left (hidden, or the window lost focus) and come back to. Both
 * signals often fire for one departure; it counts once, from the first to the return.
 */
export class AwayTracker {
  private leftAt: number | null = null;

  leave(at: number): void {
    this.leftAt ??= at;
  }

  /** Seconds away (rounded), or null when the page was not left. */
  back(at: number): number | null {
    if (this.leftAt === null) return null;
    const seconds = Math.max(0, Math.round((at - this.leftAt) / 1000));
    this.leftAt = null;
    return seconds;
  }

  get away(): boolean {
    return this.leftAt !== null;
  }
}

/** Input pauses of at least `thresholdMs`: reported (as seconds) when the candidate is active again. */
export class IdleTracker {
  private lastInput: number;

  constructor(
    now: number,
    private readonly thresholdMs = 120_000,
  ) {
    this.lastInput = now;
  }

  activity(at: number): number | null {
    const idle = at - this.lastInput;
    this.lastInput = at;
    return idle >= this.thresholdMs ? Math.round(idle / 1000) : null;
  }
}
