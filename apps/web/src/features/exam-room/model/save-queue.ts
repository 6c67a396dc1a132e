import { mergeAnswers } from './merge-answers';
import type { PendingSave, QueueStore } from './queue-store';
import { exponentialBackoff, type Scheduler } from './scheduler';
import type { Answer, SaveAnswerResponse, SavedAnswer } from './types';

/**
 * How a failed save is treated: `network` (no answer: keep it, retry with backoff, show offline), `retry` (a
 * busy or failing server: keep it and retry), `reject` (this answer can never be saved: drop it and say why),
 * `stop` (this device can save nothing more: taken over, closed, past the deadline).
 */
export type SaveFailureKind = 'network' | 'retry' | 'reject' | 'stop';

export type SaveStatus = 'saved' | 'saving' | 'offline' | 'failed' | 'stopped';

export interface SaveQueueState {
  readonly status: SaveStatus;
  /** Changes not yet confirmed by the server. */
  readonly pending: number;
  /** The failure behind `offline`, `failed` or `stopped`. */
  readonly error?: unknown;
}

export interface SaveQueueOptions {
  readonly store: QueueStore;
  readonly send: (save: PendingSave) => Promise<SaveAnswerResponse>;
  readonly classify: (error: unknown) => SaveFailureKind;
  readonly newKey: () => string;
  readonly scheduler: Scheduler;
  /** The server's time now (ms), so sequence numbers of different devices compare fairly. */
  readonly serverNow?: () => number;
  readonly backoff?: (failures: number) => number;
  /** The server answered: what it holds now (`applied: false` when it holds a newer save). */
  readonly onSaved?: (save: PendingSave, response: SaveAnswerResponse) => void;
  readonly onRejected?: (save: PendingSave, error: unknown) => void;
  readonly onStopped?: (error: unknown) => void;
}

interface Entry extends PendingSave {
  /** Not sent before then (debounced typing). */
  readonly readyAt: number;
}

/**
 * The exam room's autosave: every change gets the next per-attempt sequence number and its own idempotency key,
 * is kept in the store until the server confirms it, and is sent one at a time in sequence order. Repeated edits
 * of one question coalesce into its latest answer (a newer edit replaces one not yet confirmed); a failure keeps
 * the save with the same key and seq and retries it with backoff, or at once when the connection returns.
 */
export class SaveQueue {
  private readonly pending = new Map<string, Entry>();
  private readonly listeners = new Set<(state: SaveQueueState) => void>();
  private persisting: Promise<void> = Promise.resolve();
  private lastSeq = 0;
  private sending = false;
  private stopped = false;
  private failures = 0;
  private retryAt = 0;
  private lastFailure: { kind: SaveFailureKind; error: unknown } | null = null;
  private cancelTimer: (() => void) | null = null;
  private idleWaiters: (() => void)[] = [];
  private state: SaveQueueState = { status: 'saved', pending: 0 };

  constructor(private readonly options: SaveQueueOptions) {}

  /**
   * Starts from what the server holds and what the store kept: returns the answers to show (a local change with
   * a higher seq than the server's wins) and sends the local changes the server does not have yet.
   */
  async restore(server: readonly SavedAnswer[]): Promise<ReadonlyMap<string, Answer>> {
    const merged = mergeAnswers(server, await this.options.store.load());
    this.lastSeq = Math.max(this.lastSeq, merged.highestSeq);
    for (const save of merged.stale)
      void this.persist(() => this.options.store.remove(save.questionId, save.seq));
    const now = this.options.scheduler.now();
    for (const save of merged.unsent) this.pending.set(save.questionId, { ...save, readyAt: now });
    this.kick();
    return merged.answers;
  }

  /** A change by the candidate; `delayMs` debounces typing (the save waits for a pause). */
  edit(questionId: string, answer: Answer, delayMs = 0): PendingSave {
    const save: PendingSave = {
      questionId,
      seq: this.nextSeq(),
      idempotencyKey: this.options.newKey(),
      answer,
    };
    this.pending.set(questionId, { ...save, readyAt: this.options.scheduler.now() + delayMs });
    void this.persist(() => this.options.store.put(save));
    this.kick();
    return save;
  }

  /** The connection is back (or the candidate asked): retry now instead of waiting out the backoff. */
  retryNow(): void {
    this.retryAt = 0;
    this.kick();
  }

  /** Sends debounced changes now (time is up, or the candidate submits) and resolves when nothing is pending. */
  flush(): Promise<void> {
    for (const [id, entry] of this.pending) this.pending.set(id, { ...entry, readyAt: 0 });
    this.retryAt = 0;
    const idle = this.whenIdle();
    this.kick();
    return idle;
  }

  /** Resolves once every change is confirmed, or the queue stopped. */
  whenIdle(): Promise<void> {
    if (this.pending.size === 0 || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Whether the question has a change the server has not confirmed. */
  hasPending(questionId: string): boolean {
    return this.pending.has(questionId);
  }

  /** After submission: nothing more is sent and the stored changes are forgotten. */
  async clear(): Promise<void> {
    this.stop();
    this.pending.clear();
    await this.persist(() => this.options.store.clear());
    this.update();
  }

  /** Stops sending (the room closed); what the store holds stays for the next visit. */
  stop(): void {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.releaseIdle();
  }

  getState(): SaveQueueState {
    return this.state;
  }

  subscribe(listener: (state: SaveQueueState) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Above every seq seen, and at least the server's time in ms, so a new device never starts below the old. */
  private nextSeq(): number {
    const floor = Math.floor(this.options.serverNow?.() ?? 0);
    this.lastSeq = Math.max(this.lastSeq + 1, floor);
    return this.lastSeq;
  }

  private persist(work: () => Promise<void>): Promise<void> {
    // Persistence failures (private mode, quota) must not stop saving to the server.
    this.persisting = this.persisting.then(work).catch(() => undefined);
    return this.persisting;
  }

  private kick(): void {
    if (this.sending || this.stopped) {
      this.update();
      return;
    }
    this.cancelTimer?.();
    this.cancelTimer = null;
    const now = this.options.scheduler.now();
    const entries = [...this.pending.values()].sort((a, b) => a.seq - b.seq);
    const next = now >= this.retryAt ? entries.find((e) => e.readyAt <= now) : undefined;
    if (next === undefined) {
      if (entries.length > 0) {
        const wake = Math.max(this.retryAt, Math.min(...entries.map((e) => e.readyAt)));
        this.cancelTimer = this.options.scheduler.after(Math.max(0, wake - now), () => {
          this.kick();
        });
      }
      this.update();
      return;
    }
    this.sending = true;
    this.update();
    void this.send(next);
  }

  private async send(entry: Entry): Promise<void> {
    try {
      const response = await this.options.send(entry);
      this.failures = 0;
      this.lastFailure = null;
      this.forget(entry);
      this.options.onSaved?.(entry, response);
    } catch (error: unknown) {
      this.fail(entry, error);
    } finally {
      this.sending = false;
      this.kick();
    }
  }

  private fail(entry: Entry, error: unknown): void {
    const kind = this.options.classify(error);
    this.lastFailure = { kind, error };
    switch (kind) {
      case 'network':
      case 'retry':
        this.failures += 1;
        this.retryAt =
          this.options.scheduler.now() + (this.options.backoff ?? exponentialBackoff)(this.failures);
        return;
      case 'reject':
        this.forget(entry);
        this.options.onRejected?.(entry, error);
        return;
      case 'stop':
        this.stop();
        this.options.onStopped?.(error);
        return;
    }
  }

  /** Drops a confirmed (or refused) save, unless a newer edit of its question replaced it meanwhile. */
  private forget(entry: Entry): void {
    if (this.pending.get(entry.questionId)?.seq === entry.seq) this.pending.delete(entry.questionId);
    void this.persist(() => this.options.store.remove(entry.questionId, entry.seq));
  }

  private update(): void {
    const pending = this.pending.size;
    let next: SaveQueueState;
    if (this.stopped && this.lastFailure?.kind === 'stop')
      next = { status: 'stopped', pending, error: this.lastFailure.error };
    else if (this.lastFailure?.kind === 'network' && pending > 0)
      next = { status: 'offline', pending, error: this.lastFailure.error };
    else if (this.lastFailure !== null && this.lastFailure.kind !== 'network')
      next = { status: 'failed', pending, error: this.lastFailure.error };
    else next = { status: pending > 0 ? 'saving' : 'saved', pending };
    if (pending === 0) this.releaseIdle();
    if (
      next.status === this.state.status &&
      next.pending === this.state.pending &&
      next.error === this.state.error
    )
      return;
    this.state = next;
    for (const listener of this.listeners) listener(next);
  }

  private releaseIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
