import type { Answer } from './types';

/** One change waiting for the server: the latest answer of a question, with the seq and key it is sent with. */
export interface PendingSave {
  readonly questionId: string;
  /** The per-attempt sequence number: the server keeps the answer with the highest one. */
  readonly seq: number;
  /** The same on every retry of this save. */
  readonly idempotencyKey: string;
  readonly answer: Answer;
}

/**
 * Where one attempt's unsent changes survive a reload, a crash or a lost connection: the latest pending save
 * per question. The app keeps them in IndexedDB (idb-queue-store.ts); tests in memory.
 */
export interface QueueStore {
  load(): Promise<PendingSave[]>;
  /** Replaces the question's pending save. */
  put(save: PendingSave): Promise<void>;
  /** Forgets the question's pending save, only if it is still the one with this seq (a newer edit stays). */
  remove(questionId: string, seq: number): Promise<void>;
  /** Forgets everything of the attempt (after submission). */
  clear(): Promise<void>;
}

export class MemoryQueueStore implements QueueStore {
  readonly saves = new Map<string, PendingSave>();

  load(): Promise<PendingSave[]> {
    return Promise.resolve([...this.saves.values()]);
  }

  put(save: PendingSave): Promise<void> {
    this.saves.set(save.questionId, save);
    return Promise.resolve();
  }

  remove(questionId: string, seq: number): Promise<void> {
    if (this.saves.get(questionId)?.seq === seq) this.saves.delete(questionId);
    return Promise.resolve();
  }

  clear(): Promise<void> {
    this.saves.clear();
    return Promise.resolve();
  }
}
