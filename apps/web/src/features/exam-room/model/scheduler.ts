/** Time and timers, injected so the logic can be tested without waiting. */
export interface Scheduler {
  now(): number;
  /** Runs `task` after `ms`; the returned function cancels it. */
  after(ms: number, task: () => void): () => void;
}

export const browserScheduler: Scheduler = {
  now: () => Date.now(),
  after: (ms, task) => {
    const id = setTimeout(task, ms);
    return () => {
      clearTimeout(id);
    };
  },
};

/** Exponential backoff for retries: 1 s, 2 s, 4 s … up to `maxMs`. */
export function exponentialBackoff(failures: number, baseMs = 1_000, maxMs = 30_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}
