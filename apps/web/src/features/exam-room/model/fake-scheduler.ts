import type { Scheduler } from './scheduler';

/** A scheduler for unit tests: time moves only when the test says so. */
export class FakeScheduler implements Scheduler {
  private time = 0;
  private timers: { at: number; task: () => void; cancelled: boolean }[] = [];

  now(): number {
    return this.time;
  }

  after(ms: number, task: () => void): () => void {
    const timer = { at: this.time + ms, task, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  /** Moves time forward, running every timer that falls due, and lets pending promises settle. */
  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      await settle();
      const due = this.timers
        .filter((t) => !t.cancelled && t.at <= until)
        .sort((a, b) => a.at - b.at)
        .at(0);
      if (due === undefined) break;
      this.time = Math.max(this.time, due.at);
      due.cancelled = true;
      due.task();
    }
    this.time = until;
    this.timers = this.timers.filter((t) => !t.cancelled);
    await settle();
  }
}

/** Lets every already-resolved promise chain run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
}
